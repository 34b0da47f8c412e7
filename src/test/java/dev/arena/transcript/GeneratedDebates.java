package dev.arena.transcript;

import dev.arena.debate.DebateListener;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSummary;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Fighter;
import dev.arena.debate.FighterAgent;
import dev.arena.debate.FighterStats;
import dev.arena.debate.JudgeReading;
import dev.arena.debate.Phase;
import dev.arena.debate.Scores;
import dev.arena.debate.Side;
import dev.arena.debate.Speaker;
import dev.arena.debate.Turn;
import dev.arena.debate.Verdict;
import dev.arena.debate.Winner;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated debates for the transcript properties: what happens in a debate, turn by turn,
 * and {@link Debate#events} to play it to a listener in the order the orchestrator reports it
 * (retries, waits and fallbacks before a turn's first text come before its {@code turnStarted},
 * a failed or interrupted turn stops the debate, {@code finished} always comes last).
 *
 * <p>Delta texts are made of pieces that could confuse a format: newlines and CRs, Markdown
 * (headings, even one that looks like a turn's header, fences, rules, tables), quotes and
 * backslashes, multi-byte characters, U+2028, terminal escape sequences, NUL and bidi controls.
 */
final class GeneratedDebates {

    private static final Instant T0 = ScriptedDebate.T0;

    private GeneratedDebates() {
    }

    /** A step of a turn as it streams. */
    sealed interface Step permits Delta, Retry, Waiting, Fallback {
    }

    record Delta(String text) implements Step {
        /** Controls and line ends as escapes, so a shrunk counterexample can be read. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("Delta[\"");
            text.chars().forEach(c -> out.append(c < 0x20 || c == 0x7F || c >= 0x80 && c < 0xA0 || c >= 0x2028 && c <= 0x202E
                    ? String.format("\\u%04x", c) : String.valueOf((char) c)));
            return out.append("\"]").toString();
        }
    }

    record Retry() implements Step {
    }

    record Waiting() implements Step {
    }

    /** The current model failed; {@code continuing}: the next one continues the text so far. */
    record Fallback(String toModel, boolean continuing) implements Step {
    }

    enum Outcome { COMPLETED, FAILED, INTERRUPTED }

    record TurnScript(List<Step> steps, Outcome outcome, Usage usage) {

        /** The turn's text: its deltas, in order. */
        String text() {
            StringBuilder text = new StringBuilder();
            deltas().forEach(text::append);
            return text.toString();
        }

        List<String> deltas() {
            List<String> deltas = new ArrayList<>();
            steps.stream().filter(s -> s instanceof Delta).forEach(s -> deltas.add(((Delta) s).text()));
            return deltas;
        }
    }

    /** How the judge ends a debate whose every turn completed: a verdict, a failure, or none asked. */
    record Judging(Optional<Verdict> verdict, boolean fallback) {
    }

    /**
     * A debate: its settings, the turns spoken (the last may have failed or been interrupted,
     * which ends the debate) and the judge's part.
     */
    record Debate(DebateSettings settings, List<TurnScript> turns, Judging judging) {

        /** The turns as the orchestrator reports them at their end. */
        List<Turn> reportedTurns() {
            return played().turns;
        }

        /** The model each turn started speaking with, as {@code turnStarted} names it. */
        List<String> startingModels() {
            return played().startingModels;
        }

        /** The events of the debate, in order, each one a call on the listener. */
        List<ScriptedDebate.Event> events() {
            return played().events;
        }

        boolean stoppedEarly() {
            return !turns.isEmpty() && turns.get(turns.size() - 1).outcome() != Outcome.COMPLETED;
        }

        boolean judged() {
            return settings.judged() && !stoppedEarly();
        }

        private Played played() {
            Played played = new Played();
            played.events.add(new ScriptedDebate.Event("debateStarted", l -> l.debateStarted(ScriptedDebate.ID, settings, T0)));
            long clock = 1000;
            for (int i = 0; i < turns.size(); i++) {
                int round = i / 2 + 1;
                Side side = i % 2 == 0 ? Side.PRO : Side.CON;
                clock = playTurn(played, turns.get(i), round, side, clock);
            }
            Verdict verdict = null;
            String stopReason = null;
            if (stoppedEarly()) {
                Turn last = played.turns.get(played.turns.size() - 1);
                stopReason = last.error().equals(FighterAgent.INTERRUPTED) ? "interrupted" : last.error();
            } else if (settings.judged()) {
                String judge = settings.judgeModels().get(0);
                played.events.add(new ScriptedDebate.Event("judging", l -> l.judging(ScriptedDebate.ID, judge)));
                if (judging.fallback()) {
                    played.events.add(new ScriptedDebate.Event("fallback judge",
                            l -> l.fallback(ScriptedDebate.ID, Speaker.JUDGE, ScriptedDebate.JUDGE_FALLBACK)));
                }
                if (judging.verdict().isPresent()) {
                    verdict = judging.verdict().get();
                    Verdict v = verdict;
                    played.events.add(new ScriptedDebate.Event("verdict", l -> l.verdict(ScriptedDebate.ID, v)));
                } else {
                    stopReason = "all rounds were spoken, but the judge failed: every model failed";
                }
            }
            DebateSummary summary = new DebateSummary(stats(played.turns), verdict,
                    Duration.ofMillis(clock), stopReason);
            played.events.add(new ScriptedDebate.Event("finished", l -> l.finished(ScriptedDebate.ID, summary)));
            return played;
        }

        private long playTurn(Played played, TurnScript script, int round, Side side, long clock) {
            Phase phase = Phase.of(round, settings.rounds());
            Fighter fighter = settings.fighter(side);
            Speaker who = Speaker.of(side);
            String model = fighter.model();
            boolean started = false;
            Instant startedAt = ScriptedDebate.at(clock);
            List<FallbackNote> notes = new ArrayList<>();
            for (Step step : script.steps()) {
                clock += 100;
                if (step instanceof Delta delta) {
                    if (!started) {
                        started = true;
                        played.startingModels.add(model);
                        played.events.add(turnStarted(round, side, phase, model, clock));
                    }
                    played.events.add(new ScriptedDebate.Event("delta " + side + " " + delta.text(),
                            l -> l.delta(ScriptedDebate.ID, side, delta.text())));
                } else if (step instanceof Retry) {
                    String failing = model;
                    played.events.add(new ScriptedDebate.Event("retry", l -> l.retry(ScriptedDebate.ID, who,
                            new HttpStatusException(failing, 503, "Unavailable", null, null), Duration.ofMillis(500), 1, 2)));
                } else if (step instanceof Waiting) {
                    String waiting = model;
                    played.events.add(new ScriptedDebate.Event("waiting", l -> l.waiting(ScriptedDebate.ID, who, waiting,
                            Duration.ofSeconds(2), "rate limit of 10/min for this model")));
                } else if (step instanceof Fallback fallback) {
                    FallbackNote note = new FallbackNote(model, fallback.toModel(),
                            "error in stream (server_error): Provider disconnected", fallback.continuing());
                    notes.add(note);
                    model = fallback.toModel();
                    played.events.add(new ScriptedDebate.Event("fallback " + who.label(),
                            l -> l.fallback(ScriptedDebate.ID, who, note)));
                }
            }
            clock += 100;
            if (!started) {
                played.startingModels.add(model);
                played.events.add(turnStarted(round, side, phase, model, clock));
            }
            String error = switch (script.outcome()) {
                case COMPLETED -> null;
                case FAILED -> "every model failed: " + model + ": HTTP 503: Service Unavailable";
                case INTERRUPTED -> FighterAgent.INTERRUPTED;
            };
            Turn turn = new Turn(round, side, phase, fighter.model(), model, script.text(),
                    error == null ? script.usage() : Usage.NONE, startedAt, ScriptedDebate.at(clock), notes, error);
            played.turns.add(turn);
            played.events.add(new ScriptedDebate.Event("turnEnded " + round + " " + side, l -> l.turnEnded(ScriptedDebate.ID, turn)));
            return clock + 100;
        }

        private static ScriptedDebate.Event turnStarted(int round, Side side, Phase phase, String model, long at) {
            return new ScriptedDebate.Event("turnStarted " + round + " " + side,
                    l -> l.turnStarted(ScriptedDebate.ID, round, side, phase, model, ScriptedDebate.at(at)));
        }

        private static List<FighterStats> stats(List<Turn> turns) {
            List<FighterStats> stats = new ArrayList<>();
            for (Side side : Side.values()) {
                List<Turn> own = turns.stream().filter(t -> t.side() == side).toList();
                stats.add(new FighterStats(side, (int) own.stream().filter(t -> !t.failed()).count(),
                        own.stream().mapToLong(t -> t.usage().promptTokens()).sum(),
                        own.stream().mapToLong(t -> t.usage().completionTokens()).sum(),
                        null, Duration.ofMillis(100L * own.size()),
                        own.stream().mapToInt(t -> t.fallbacks().size()).sum()));
            }
            return stats;
        }

        @Override
        public String toString() {
            return "Debate[" + settings + ",\n  turns=" + turns + ",\n  judging=" + judging + "]";
        }
    }

    private static final class Played {
        final List<ScriptedDebate.Event> events = new ArrayList<>();
        final List<Turn> turns = new ArrayList<>();
        final List<String> startingModels = new ArrayList<>();
    }

    static void play(Debate debate, DebateListener listener) {
        ScriptedDebate.play(debate.events(), listener);
    }

    /** Text that could confuse a transcript format, in pieces that shrink to "a". */
    static Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.of("a", "Hello", " ", "\n", "\n\n", "\r", "\r\n", "\t",
                "# Heading", "\n## Round 1 — Pro (x)\n", "\n*Opening*\n", "```java\nint x;\n```", "`", "\n---\n", "*", "**bold**",
                "| a | b |", "> quote", "- item", "\\", "\"", "{\"type\":\"delta\"}", "é", "日本", "😀", "\u2028",
                "\u0085", "\u001b[2J", "\u001b]0;title\u0007", "\u0000", "\u202e", "\u0007", "\u009b31m");
        return piece.list().ofMaxSize(4).map(ps -> String.join("", ps));
    }

    static Arbitrary<Debate> debates() {
        return Combinators.combine(settings(), turnScripts(), judging())
                .as((settings, turns, judging) -> new Debate(settings, cut(turns, settings.rounds()), judging));
    }

    /** The turns of {@code rounds} rounds, ending at the first that did not complete. */
    private static List<TurnScript> cut(List<TurnScript> turns, int rounds) {
        List<TurnScript> spoken = new ArrayList<>();
        for (TurnScript turn : turns.subList(0, Math.min(turns.size(), 2 * rounds))) {
            spoken.add(turn);
            if (turn.outcome() != Outcome.COMPLETED) {
                break;
            }
        }
        return spoken;
    }

    private static Arbitrary<DebateSettings> settings() {
        Arbitrary<String> topic = Combinators.combine(Arbitraries.of("Cities should ban cars", "Tabs beat spaces"), texts())
                .as((t, x) -> t + x);
        Arbitrary<String> stance = Arbitraries.oneOf(Arbitraries.just((String) null), texts());
        Arbitrary<Fighter> pro = stance.map(s -> new Fighter(Side.PRO, List.of(ScriptedDebate.PRO_MODEL, ScriptedDebate.PRO_FALLBACK), s));
        Arbitrary<Fighter> con = stance.map(s -> new Fighter(Side.CON, List.of(ScriptedDebate.CON_MODEL), s));
        Arbitrary<List<String>> judges = Arbitraries.of(List.of(), List.of(ScriptedDebate.JUDGE),
                List.of(ScriptedDebate.JUDGE, "openai/gpt-4o"));
        return Combinators.combine(topic, Arbitraries.integers().between(1, 3), pro, con,
                        Arbitraries.of(0.8, 1.0).injectNull(0.5), judges)
                .as((t, rounds, p, c, temperature, j) -> new DebateSettings(t, rounds, p, c, temperature, null, null, j));
    }

    private static Arbitrary<List<TurnScript>> turnScripts() {
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(12, texts().map(Delta::new)),
                Tuple.of(1, Arbitraries.just(new Retry())),
                Tuple.of(1, Arbitraries.just(new Waiting())),
                Tuple.of(1, Combinators.combine(Arbitraries.of(ScriptedDebate.PRO_FALLBACK, "openai/gpt-4o"),
                        Arbitraries.of(true, false)).as(Fallback::new)));
        Arbitrary<Outcome> outcome = Arbitraries.frequency(
                Tuple.of(12, Outcome.COMPLETED), Tuple.of(1, Outcome.FAILED), Tuple.of(1, Outcome.INTERRUPTED));
        Arbitrary<Usage> usage = Combinators.combine(Arbitraries.longs().between(0, 5000),
                        Arbitraries.longs().between(0, 5000), Arbitraries.of(0.0125, 0.0).injectNull(0.5))
                .as(Usage::new);
        Arbitrary<TurnScript> turn = Combinators.combine(step.list().ofMaxSize(8), outcome, usage).as(TurnScript::new);
        return turn.list().ofMaxSize(6);
    }

    private static Arbitrary<Judging> judging() {
        Arbitrary<Scores> scores = Arbitraries.of(ScriptedDebate.PRO_SCORES, ScriptedDebate.CON_SCORES);
        Arbitrary<Map<Side, Scores>> marks = Arbitraries.oneOf(Arbitraries.just(Map.of()),
                Combinators.combine(scores, scores).as((p, c) -> Map.of(Side.PRO, p, Side.CON, c)));
        Arbitrary<Verdict> verdict = Combinators.combine(Arbitraries.of(Winner.class), marks, texts(),
                        Arbitraries.of(true, false))
                .as((winner, m, rationale, agree) -> new Verdict(winner, m, rationale, ScriptedDebate.JUDGE, agree,
                        List.of(new JudgeReading(Side.PRO, winner, m, rationale, "{\"winner\":\"pro\"}", true),
                                new JudgeReading(Side.CON, winner, m, rationale, rationale, agree)),
                        new Usage(2100, 130, 0.005), Duration.ofMillis(3000)));
        return Combinators.combine(verdict.optional(0.85), Arbitraries.of(false, true)).as(Judging::new);
    }
}
