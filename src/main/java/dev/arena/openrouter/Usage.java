package dev.arena.openrouter;

/**
 * Token counts and cost of one completion. {@code cost} is in USD and null when the
 * server did not report one (Ollama, vLLM and llama.cpp never do); {@code costEstimated}
 * is true when arena computed the cost from the catalogue's prices instead.
 * {@code invalid} is true when the numbers could not be true ({@link #checked}): then the
 * counts are 0 and the cost null, so no sum or view ever shows them, and views say "invalid".
 */
public record Usage(long promptTokens, long completionTokens, Double cost, boolean costEstimated, boolean invalid) {

    public static final Usage NONE = new Usage(0, 0, null);

    /** Numbers the server sent that no completion has: see {@link #checked}. */
    public static final Usage INVALID = new Usage(0, 0, null, false, true);

    /** The most tokens one completion may count: 10^9, a thousand times the longest context. */
    public static final long MAX_TOKENS = 1_000_000_000L;

    /** The most one completion may cost: $10^6. */
    public static final double MAX_COST = 1_000_000;

    /** Usage as the server reported it. */
    public Usage(long promptTokens, long completionTokens, Double cost) {
        this(promptTokens, completionTokens, cost, false, false);
    }

    public Usage(long promptTokens, long completionTokens, Double cost, boolean costEstimated) {
        this(promptTokens, completionTokens, cost, costEstimated, false);
    }

    /**
     * Usage from numbers a server sent, or {@link #INVALID} when one cannot be right: a count
     * or cost that is negative, NaN, infinite, over {@link #MAX_TOKENS} tokens or over
     * {@link #MAX_COST} dollars. One bad number spoils them all: a server that sends one
     * cannot be trusted with the others.
     */
    public static Usage checked(double promptTokens, double completionTokens, Double cost) {
        if (!plausibleCount(promptTokens) || !plausibleCount(completionTokens)
                || cost != null && !plausibleCost(cost)) {
            return INVALID;
        }
        return new Usage((long) promptTokens, (long) completionTokens, cost);
    }

    private static boolean plausibleCount(double n) {
        return n >= 0 && n <= MAX_TOKENS; // false for NaN too
    }

    private static boolean plausibleCost(double usd) {
        return usd >= 0 && usd <= MAX_COST;
    }

    /**
     * True when nothing was reported: {@link #NONE}'s values. Compared field by field rather than
     * with {@code NONE.equals}: a record's {@code equals} is made from method handles on its first
     * call, which costs a short run about 20 ms of start-up (measured with JFR).
     */
    public boolean isNone() {
        return promptTokens == 0 && completionTokens == 0 && cost == null && !costEstimated && !invalid;
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    /** The same token counts with a cost arena estimated; {@link #INVALID} when the estimate is implausible. */
    public Usage withEstimatedCost(double estimate) {
        return invalid || !plausibleCost(estimate) ? INVALID : new Usage(promptTokens, completionTokens, estimate, true);
    }

    /**
     * Both usages together; a null usage counts as {@link #NONE}. The cost is the sum of the
     * costs that were reported, and null only when neither was: the same rule as a fighter's
     * total in the debate summary, so totals read alike everywhere. (A sum that leaves out an
     * unreported part is a lower bound; in practice both parts come from one provider, which
     * either reports costs or does not.) With an invalid part, the sum is invalid.
     */
    public static Usage sum(Usage a, Usage b) {
        Usage x = a == null ? NONE : a;
        Usage y = b == null ? NONE : b;
        if (x.invalid || y.invalid) {
            return INVALID;
        }
        Double cost = x.cost == null ? y.cost : y.cost == null ? x.cost : Double.valueOf(x.cost + y.cost);
        return new Usage(x.promptTokens + y.promptTokens, x.completionTokens + y.completionTokens, cost,
                x.costEstimated || y.costEstimated);
    }
}
