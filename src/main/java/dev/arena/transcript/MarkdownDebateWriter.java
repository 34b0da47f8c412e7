package dev.arena.transcript;

import dev.arena.debate.DebateListener;
import dev.arena.debate.DebateOutcome;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSummary;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Fighter;
import dev.arena.debate.FighterStats;
import dev.arena.debate.Phase;
import dev.arena.debate.Scores;
import dev.arena.debate.Side;
import dev.arena.debate.Speaker;
import dev.arena.debate.Turn;
import dev.arena.debate.Verdict;
import dev.arena.debate.Winner;
import dev.arena.openrouter.Durations;
import dev.arena.output.Notices;
import dev.arena.output.TextSink;
import dev.arena.text.TerminalSanitizer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The debate as a Markdown document, written as it happens: stdout when it is a pipe, and
 * {@code .md} transcripts. Every event is flushed at once, every delta included, so a reader
 * (or a file after {@code kill -9}) has all text received so far.
 *
 * <p>Blocks are separated by one blank line, whatever the models' text ends with. Fallbacks
 * of a turn are written after its text from {@link Turn#fallbacks()}, never inside it; the
 * judge's fallbacks, which have no turn, are written when they happen.
 *
 * <p>Everything written passes through a {@link TerminalSanitizer}: the document goes to
 * stdout and to {@code .md} files that people {@code cat}, and model text (or a server's error
 * message, or a model id it reports) may hold escape sequences, NULs or bare CRs that a terminal
 * would act on. A turn's deltas share one sanitizer, since a sequence can be split between them.
 *
 * <p>Markdown in the models' text is left as it is, headings included: answers use headings,
 * lists and emphasis, and the document is meant to render them. A model line starting with
 * {@code #} can therefore add a heading inside a turn (even one that looks like a turn's
 * header); escaping it would mangle ordinary formatting to guard against a cosmetic problem,
 * and the JSON transcripts keep every turn's text and metadata unambiguously.
 */
public final class MarkdownDebateWriter implements DebateListener {

    private final MarkdownBlocks out;
    /** The turn whose header was written and whose end was not: "round:SIDE", or null. */
    private String openTurn;
    /** True between a turn's header and its first text, which starts a block of its own. */
    private boolean textStart;
    /** Cleans the current turn's deltas; a new one per turn. */
    private TerminalSanitizer turnText = new TerminalSanitizer();

    public MarkdownDebateWriter(TextSink out) {
        this.out = new MarkdownBlocks(out);
    }

    @Override
    public void debateStarted(String debateId, DebateSettings settings, Instant at) {
        out.block("# Debate: " + TranscriptText.oneLine(settings.topic()) + "\n");
        StringBuilder list = new StringBuilder();
        list.append("- Pro: ").append(models(settings.pro().models())).append('\n');
        list.append("- Con: ").append(models(settings.con().models())).append('\n');
        list.append("- Rounds: ").append(settings.rounds());
        if (settings.temperature() != null) {
            list.append(" · temperature ").append(TranscriptText.number(settings.temperature()));
        }
        if (settings.maxTokens() != null) {
            list.append(" · max tokens ").append(settings.maxTokens());
        }
        if (settings.seed() != null) {
            list.append(" · seed ").append(settings.seed());
        }
        list.append('\n');
        if (settings.judged()) {
            list.append("- Judge: ").append(models(settings.judgeModels())).append('\n');
        }
        appendStance(list, settings.pro());
        appendStance(list, settings.con());
        list.append("- Started: ").append(at).append('\n');
        out.block(list.toString());
        out.flush();
    }

    @Override
    public void turnStarted(String debateId, int round, Side side, Phase phase, String model, Instant at) {
        turnText = new TerminalSanitizer();
        header(round, side, phase, model);
        out.flush();
    }

    @Override
    public void delta(String debateId, Side side, String raw) {
        String text = turnText.sanitize(raw);
        if (text.isEmpty()) {
            return;
        }
        if (textStart) {
            out.separate();
            textStart = false;
        }
        out.write(text);
        out.flush();
    }

    @Override
    public void fallback(String debateId, Speaker who, FallbackNote note) {
        if (who.isFighter()) {
            return; // the turn carries it, written after the turn's text
        }
        out.block("*" + who.label() + ": " + TranscriptText.fallback(note) + "*\n");
        out.flush();
    }

    @Override
    public void turnEnded(String debateId, Turn turn) {
        if (!(turn.round() + ":" + turn.side()).equals(openTurn)) {
            header(turn.round(), turn.side(), turn.phase(), turn.answeringModel());
        }
        openTurn = null;
        textStart = false;
        for (FallbackNote note : turn.fallbacks()) {
            out.block("*" + TranscriptText.fallback(note) + "*\n");
        }
        if (turn.failed()) {
            out.block("**This turn failed:** " + TranscriptText.oneLine(turn.error()) + "\n");
            out.block("*" + turn.side().label() + (turn.answeringModel() == null ? "" : " · " + turn.answeringModel())
                    + started(turn)
                    + " · failed after " + Durations.format(TranscriptText.elapsed(turn)) + "*\n");
        } else {
            out.block("*" + turn.side().label() + " · "
                    + Notices.usage(turn.answeringModel(), turn.usage(), TranscriptText.elapsed(turn))
                    + started(turn) + "*\n");
        }
        out.flush();
    }

    @Override
    public void verdict(String debateId, Verdict verdict) {
        out.block("## Verdict\n");
        String tie = verdict.tieExplanation();
        if (tie != null) {
            out.block("**Winner: Tie.** " + MarkdownBlocks.capitalized(tie) + ", so the debate is a tie.\n");
        } else {
            out.block("**Winner: " + winner(verdict.winner()) + "**\n");
        }
        Scores pro = verdict.scores().get(Side.PRO);
        Scores con = verdict.scores().get(Side.CON);
        if (pro != null && con != null) {
            StringBuilder table = new StringBuilder();
            table.append("| Criterion | Pro | Con |\n");
            table.append("|---|---:|---:|\n");
            row(table, "Argument strength", pro, con, Scores::argumentStrength);
            row(table, "Rebuttal", pro, con, Scores::rebuttal);
            row(table, "Evidence", pro, con, Scores::evidence);
            row(table, "Clarity", pro, con, Scores::clarity);
            table.append("| **Total** | **").append(score(pro.total())).append("** | **")
                    .append(score(con.total())).append("** |\n");
            out.block(table.toString());
        } else {
            out.block("*The judge's scores could not be read.*\n");
        }
        if (verdict.rationale() != null && !verdict.rationale().isBlank()) {
            out.block(verdict.rationale().strip() + "\n");
        }
        if (verdict.judgeModel() != null) {
            out.block("*Judge · " + Notices.usage(verdict.judgeModel(), verdict.usage(), verdict.elapsed())
                    + " · asked twice with the sides swapped*\n");
        }
        out.flush();
    }

    @Override
    public void finished(String debateId, DebateSummary summary) {
        out.block("## Summary\n");
        StringBuilder table = new StringBuilder();
        table.append("| Fighter | Turns | Tokens in | Tokens out | Cost | Time | Fallbacks |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (FighterStats f : summary.fighters()) {
            table.append("| ").append(f.side().label())
                    .append(" | ").append(f.turns())
                    .append(" | ").append(f.usageInvalid() ? Notices.INVALID : Long.toString(f.promptTokens()))
                    .append(" | ").append(f.usageInvalid() ? Notices.INVALID : Long.toString(f.completionTokens()))
                    .append(" | ").append(f.usageInvalid() ? Notices.INVALID
                            : Notices.costOrUnknown(f.cost(), f.costEstimated()))
                    .append(" | ").append(f.time() == null ? "" : Durations.format(f.time()))
                    .append(" | ").append(f.fallbacks())
                    .append(" |\n");
        }
        out.block(table.toString());
        if (summary.elapsed() != null) {
            out.block("Elapsed: " + Durations.format(summary.elapsed()) + "\n");
        }
        if (summary.stopReason() != null) {
            out.block("**The debate stopped early:** " + TranscriptText.oneLine(summary.stopReason()) + "\n");
        }
        out.flush();
    }

    /** The last line: {@code *Outcome: complete*}, or the outcome and what stopped the run. */
    @Override
    public void ended(String debateId, DebateOutcome outcome) {
        out.block("*Outcome: " + outcome.result().id()
                + (outcome.reason() == null ? "" : " — " + TranscriptText.oneLine(outcome.reason())) + "*\n");
        out.flush();
    }

    private void header(int round, Side side, Phase phase, String model) {
        out.block("## Round " + round + " — " + side.label() + " (" + model + ")\n");
        out.block("*" + MarkdownBlocks.capitalized(phase.label()) + "*\n");
        openTurn = round + ":" + side;
        textStart = true;
    }

    /** {@code  · started 2026-11-25T10:00:03Z}: UTC, to the second; empty when unknown. */
    private static String started(Turn turn) {
        return turn.startedAt() == null ? "" : " · started " + turn.startedAt().truncatedTo(ChronoUnit.SECONDS);
    }

    private static void appendStance(StringBuilder list, Fighter fighter) {
        if (fighter.stance() != null && !fighter.stance().isBlank()) {
            list.append("- ").append(fighter.side().label()).append(" stance: ")
                    .append(TranscriptText.oneLine(fighter.stance())).append('\n');
        }
    }

    private static String models(List<String> models) {
        String first = models.get(0);
        if (models.size() == 1) {
            return first;
        }
        return first + " (fallbacks: " + String.join(", ", models.subList(1, models.size())) + ")";
    }

    private static void row(StringBuilder table, String criterion, Scores pro, Scores con,
                            ToDoubleFunction<Scores> mark) {
        table.append("| ").append(criterion).append(" | ").append(score(mark.applyAsDouble(pro)))
                .append(" | ").append(score(mark.applyAsDouble(con))).append(" |\n");
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String winner(Winner winner) {
        return switch (winner) {
            case PRO -> Side.PRO.label();
            case CON -> Side.CON.label();
            case TIE -> "Tie";
        };
    }
}
