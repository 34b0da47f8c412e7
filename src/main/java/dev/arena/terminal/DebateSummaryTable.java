package dev.arena.terminal;

import dev.arena.debate.DebateSummary;
import dev.arena.debate.FighterStats;
import dev.arena.debate.Speaker;
import dev.arena.debate.Verdict;
import dev.arena.openrouter.Durations;
import dev.arena.openrouter.Usage;
import dev.arena.output.Notices;
import dev.arena.output.TextTable;

import java.time.Duration;
import java.util.List;

/**
 * The table under a debate on the terminal: a row per fighter, the judge's row when it
 * answered, and a total of them all, so the total is what the whole run cost.
 *
 * <p>The numbers are shown as they come: nothing here assumes a relation between them (a
 * failed turn may or may not be counted in "turns"), and a missing time is left blank. As
 * everywhere, a sum of costs is the sum of those reported, unknown only when none was; any
 * invalid usage makes the total's tokens and cost invalid too.
 */
final class DebateSummaryTable {

    private DebateSummaryTable() {
    }

    static List<String> lines(DebateSummary summary) {
        TextTable table = new TextTable("speaker", "turns", "tokens in", "tokens out", "cost", "time", "fallbacks");
        Totals total = new Totals();
        for (FighterStats f : summary.fighters()) {
            Usage usage = new Usage(f.promptTokens(), f.completionTokens(), f.cost(), f.costEstimated(), f.usageInvalid());
            table.row(row(f.side().label(), Integer.toString(f.turns()), usage, f.time(), Integer.toString(f.fallbacks())));
            total.add(usage);
            total.turns += f.turns();
            total.fallbacks += f.fallbacks();
        }
        Verdict verdict = summary.verdict();
        if (verdict != null && verdict.judgeModel() != null) {
            // The judge speaks no turn and its fallbacks are not counted: those cells stay empty.
            table.row(row(Speaker.JUDGE.label(), "", verdict.usage(), verdict.elapsed(), ""));
            total.add(verdict.usage());
        }
        table.row(row("total", Integer.toString(total.turns), total.usage(), summary.elapsed(),
                Integer.toString(total.fallbacks)));
        return table.lines();
    }

    private static String[] row(String who, String turns, Usage usage, Duration time, String fallbacks) {
        boolean invalid = usage.invalid();
        return new String[]{who, turns,
                invalid ? Notices.INVALID : Long.toString(usage.promptTokens()),
                invalid ? Notices.INVALID : Long.toString(usage.completionTokens()),
                invalid ? Notices.INVALID : Notices.costOrUnknown(usage.cost(), usage.costEstimated()),
                time == null ? "" : Durations.format(time), fallbacks};
    }

    /** The rows added up as they are written. */
    private static final class Totals {
        int turns;
        int fallbacks;
        private long in;
        private long out;
        private Double cost;
        private boolean estimated;
        private boolean invalid;

        void add(Usage usage) {
            invalid |= usage.invalid();
            in += usage.promptTokens();
            out += usage.completionTokens();
            if (usage.cost() != null) {
                cost = (cost == null ? 0 : cost) + usage.cost();
                estimated |= usage.costEstimated();
            }
        }

        Usage usage() {
            return invalid ? Usage.INVALID : new Usage(in, out, cost, estimated, false);
        }
    }
}
