package dev.arena.openrouter;

/**
 * Token counts and cost of one completion. {@code cost} is in USD and null when the
 * server did not report one (Ollama, vLLM and llama.cpp never do); {@code costEstimated}
 * is true when arena computed the cost from the catalogue's prices instead.
 */
public record Usage(long promptTokens, long completionTokens, Double cost, boolean costEstimated) {

    public static final Usage NONE = new Usage(0, 0, null);

    /** Usage as the server reported it. */
    public Usage(long promptTokens, long completionTokens, Double cost) {
        this(promptTokens, completionTokens, cost, false);
    }

    /**
     * True when nothing was reported: {@link #NONE}'s values. Compared field by field rather than
     * with {@code NONE.equals}: a record's {@code equals} is made from method handles on its first
     * call, which costs a short run about 20 ms of start-up (measured with JFR).
     */
    public boolean isNone() {
        return promptTokens == 0 && completionTokens == 0 && cost == null && !costEstimated;
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    /** The same token counts with a cost arena estimated. */
    public Usage withEstimatedCost(double estimate) {
        return new Usage(promptTokens, completionTokens, estimate, true);
    }

    /**
     * Both usages together; a null usage counts as {@link #NONE}. The cost is the sum of the
     * costs that were reported, and null only when neither was: the same rule as a fighter's
     * total in the debate summary, so totals read alike everywhere. (A sum that leaves out an
     * unreported part is a lower bound; in practice both parts come from one provider, which
     * either reports costs or does not.)
     */
    public static Usage sum(Usage a, Usage b) {
        Usage x = a == null ? NONE : a;
        Usage y = b == null ? NONE : b;
        Double cost = x.cost == null ? y.cost : y.cost == null ? x.cost : Double.valueOf(x.cost + y.cost);
        return new Usage(x.promptTokens + y.promptTokens, x.completionTokens + y.completionTokens, cost,
                x.costEstimated || y.costEstimated);
    }
}
