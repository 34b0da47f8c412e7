package dev.arena.repl;

import dev.arena.openrouter.Usage;

/**
 * What a number of answers used and cost, added up. {@code cost} is in USD and null while no
 * server reported one: a sum of unreported costs is unknown, not free.
 */
record UsageTotals(int answers, long promptTokens, long completionTokens, Double cost) {

    static final UsageTotals NONE = new UsageTotals(0, 0, 0, null);

    /** These totals and one more answer; {@code usage} is null when the server reported none. */
    UsageTotals plus(Usage usage) {
        if (usage == null) {
            return new UsageTotals(answers + 1, promptTokens, completionTokens, cost);
        }
        return new UsageTotals(answers + 1, promptTokens + usage.promptTokens(), completionTokens + usage.completionTokens(),
                sum(cost, usage.cost()));
    }

    /** These totals and {@code other}'s. */
    UsageTotals plus(UsageTotals other) {
        return new UsageTotals(answers + other.answers, promptTokens + other.promptTokens,
                completionTokens + other.completionTokens, sum(cost, other.cost));
    }

    private static Double sum(Double a, Double b) {
        return a == null ? b : b == null ? a : Double.valueOf(a + b);
    }
}
