package dev.arena.transcript;

import dev.arena.debate.DebateListener;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSummary;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Fighter;
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
import java.util.function.Consumer;

/** Debates as the orchestrator would report them, event by event, for the transcript writers. */
final class ScriptedDebate {

    /** The id every scripted debate's events carry; no transcript shows it. */
    static final String ID = "debate-1";
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final String PRO_MODEL = "openai/gpt-4o-mini";
    static final String PRO_FALLBACK = "mistralai/mistral-small";
    static final String CON_MODEL = "anthropic/claude-3.5-haiku";
    static final String JUDGE = "google/gemini-2.0-flash";

    static final FallbackNote MID_STREAM = new FallbackNote(PRO_MODEL, PRO_FALLBACK,
            "error in stream (server_error): Provider disconnected", true);
    static final FallbackNote JUDGE_FALLBACK = new FallbackNote(JUDGE, "openai/gpt-4o",
            "HTTP 429: Rate limit exceeded", false);

    static final Scores PRO_SCORES = new Scores(8, 7.5, 6, 9);
    static final Scores CON_SCORES = new Scores(6.5, 7, 5.25, 8);

    /** Named events, so a test can check the output after each one. */
    record Event(String name, Consumer<DebateListener> action) {
    }

    private ScriptedDebate() {
    }

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    static DebateSettings judgedSettings() {
        return new DebateSettings("Cities should ban private cars", 2,
                new Fighter(Side.PRO, List.of(PRO_MODEL, PRO_FALLBACK), null),
                new Fighter(Side.CON, List.of(CON_MODEL), null),
                0.8, 500, 7L, List.of(JUDGE, "openai/gpt-4o"));
    }

    static DebateSettings unjudgedSettings() {
        return new DebateSettings("Remote work beats the office", 2,
                new Fighter(Side.PRO, List.of(PRO_MODEL), null),
                new Fighter(Side.CON, List.of(CON_MODEL), null),
                null, null, null, List.of());
    }

    static final Turn PRO_OPENING = new Turn(1, Side.PRO, Phase.OPENING, PRO_MODEL, PRO_FALLBACK,
            "Cars choke cities. Ban them.", new Usage(120, 310, 0.000123), at(1000), at(5200),
            List.of(MID_STREAM), null);
    static final Turn CON_OPENING = new Turn(1, Side.CON, Phase.OPENING, CON_MODEL, CON_MODEL,
            "Freedom of movement matters.\n", new Usage(100, 200, null), at(5300), at(7300), List.of(), null);
    static final Turn PRO_CLOSING = new Turn(2, Side.PRO, Phase.CLOSING, PRO_MODEL, PRO_MODEL,
            "Closing: ban them.", new Usage(150, 50, 0.0125), at(7400), at(8900), List.of(), null);
    static final Turn CON_CLOSING = new Turn(2, Side.CON, Phase.CLOSING, CON_MODEL, CON_MODEL,
            "Closing: keep them.\n\n", new Usage(140, 60, null), at(9000), at(19_000), List.of(), null);

    static final Verdict VERDICT = new Verdict(Winner.PRO, Map.of(Side.PRO, PRO_SCORES, Side.CON, CON_SCORES),
            "Pro was concrete; Con relied on slogans.", JUDGE, true,
            List.of(new JudgeReading(Side.PRO, Winner.PRO, Map.of(Side.PRO, PRO_SCORES, Side.CON, CON_SCORES),
                            "Pro was concrete.", "{\"winner\":\"pro\"}", true),
                    new JudgeReading(Side.CON, Winner.PRO, Map.of(), "Pro, clearly.", "Pro wins.", false)),
            new Usage(2100, 130, 0.005), Duration.ofMillis(3000));

    static final DebateSummary JUDGED_SUMMARY = new DebateSummary(List.of(
            new FighterStats(Side.PRO, 2, 270, 360, 0.012623, Duration.ofMillis(5700), 1),
            new FighterStats(Side.CON, 2, 240, 260, null, Duration.ofSeconds(12), 0)),
            VERDICT, Duration.ofSeconds(25), null);

    /** A judged two-round debate; Pro's opening falls back mid-stream, the judge falls back once. */
    static List<Event> judgedDebate() {
        List<Event> events = new ArrayList<>();
        events.add(new Event("debateStarted", l -> l.debateStarted(ID, judgedSettings(), T0)));
        events.add(new Event("turnStarted 1 pro",
                l -> l.turnStarted(ID, 1, Side.PRO, Phase.OPENING, PRO_MODEL, at(1000))));
        events.add(new Event("delta 'Cars '", l -> l.delta(ID, Side.PRO, "Cars ")));
        events.add(new Event("delta 'choke cities.'", l -> l.delta(ID, Side.PRO, "choke cities.")));
        events.add(new Event("retry (ignored)", l -> l.retry(ID, Speaker.PRO,
                new HttpStatusException(PRO_MODEL, 503, "Unavailable", null, null), Duration.ofMillis(500), 1, 2)));
        events.add(new Event("fallback pro", l -> l.fallback(ID, Speaker.PRO, MID_STREAM)));
        events.add(new Event("delta ' Ban them.'", l -> l.delta(ID, Side.PRO, " Ban them.")));
        events.add(new Event("turnEnded 1 pro", l -> l.turnEnded(ID, PRO_OPENING)));
        events.add(new Event("waiting (ignored)", l -> l.waiting(ID, Speaker.CON, CON_MODEL, Duration.ofSeconds(2),
                "rate limit of 10/min for this model")));
        events.add(new Event("turnStarted 1 con",
                l -> l.turnStarted(ID, 1, Side.CON, Phase.OPENING, CON_MODEL, at(5300))));
        events.add(new Event("delta 'Freedom of movement matters.\\n'",
                l -> l.delta(ID, Side.CON, "Freedom of movement matters.\n")));
        events.add(new Event("turnEnded 1 con", l -> l.turnEnded(ID, CON_OPENING)));
        events.add(new Event("turnStarted 2 pro",
                l -> l.turnStarted(ID, 2, Side.PRO, Phase.CLOSING, PRO_MODEL, at(7400))));
        events.add(new Event("delta 'Closing: ban them.'", l -> l.delta(ID, Side.PRO, "Closing: ban them.")));
        events.add(new Event("turnEnded 2 pro", l -> l.turnEnded(ID, PRO_CLOSING)));
        events.add(new Event("turnStarted 2 con",
                l -> l.turnStarted(ID, 2, Side.CON, Phase.CLOSING, CON_MODEL, at(9000))));
        events.add(new Event("delta 'Closing: '", l -> l.delta(ID, Side.CON, "Closing: ")));
        events.add(new Event("delta 'keep them.\\n\\n'", l -> l.delta(ID, Side.CON, "keep them.\n\n")));
        events.add(new Event("turnEnded 2 con", l -> l.turnEnded(ID, CON_CLOSING)));
        events.add(new Event("judging", l -> l.judging(ID, JUDGE)));
        events.add(new Event("fallback judge", l -> l.fallback(ID, Speaker.JUDGE, JUDGE_FALLBACK)));
        events.add(new Event("verdict", l -> l.verdict(ID, VERDICT)));
        events.add(new Event("finished", l -> l.finished(ID, JUDGED_SUMMARY)));
        return events;
    }

    static final Turn PRO_ONLY = new Turn(1, Side.PRO, Phase.OPENING, PRO_MODEL, PRO_MODEL, "Commutes waste lives.",
            new Usage(50, 20, 0.0), at(1000), at(1800), List.of(), null);
    static final String FAILURE = "every model failed: anthropic/claude-3.5-haiku: HTTP 503: Service Unavailable";
    static final Turn CON_FAILED = new Turn(1, Side.CON, Phase.OPENING, CON_MODEL, CON_MODEL, "Offices build",
            Usage.NONE, at(2000), at(4000), List.of(), FAILURE);
    static final DebateSummary STOPPED_SUMMARY = new DebateSummary(List.of(
            new FighterStats(Side.PRO, 1, 50, 20, 0.0, Duration.ofMillis(800), 0),
            new FighterStats(Side.CON, 1, 0, 0, null, Duration.ofSeconds(2), 0)),
            null, Duration.ofMillis(4100), "Con's turn in round 1 failed");

    /** An unjudged debate stopped by Con's failed opening, after part of its text arrived. */
    static List<Event> stoppedDebate() {
        List<Event> events = new ArrayList<>();
        events.add(new Event("debateStarted", l -> l.debateStarted(ID, unjudgedSettings(), T0)));
        events.add(new Event("turnStarted 1 pro",
                l -> l.turnStarted(ID, 1, Side.PRO, Phase.OPENING, PRO_MODEL, at(1000))));
        events.add(new Event("delta 'Commutes waste lives.'", l -> l.delta(ID, Side.PRO, "Commutes waste lives.")));
        events.add(new Event("turnEnded 1 pro", l -> l.turnEnded(ID, PRO_ONLY)));
        events.add(new Event("turnStarted 1 con",
                l -> l.turnStarted(ID, 1, Side.CON, Phase.OPENING, CON_MODEL, at(2000))));
        events.add(new Event("delta 'Offices build'", l -> l.delta(ID, Side.CON, "Offices build")));
        events.add(new Event("turnEnded 1 con (failed)", l -> l.turnEnded(ID, CON_FAILED)));
        events.add(new Event("finished", l -> l.finished(ID, STOPPED_SUMMARY)));
        return events;
    }

    static void play(List<Event> events, DebateListener listener) {
        events.forEach(e -> e.action().accept(listener));
    }
}
