package dev.arena.catalog;

import dev.arena.openrouter.Usage;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The cost of an answer computed from the catalogue's prices, for servers that report
 * tokens but no cost (Ollama, vLLM, llama.cpp). Estimated costs are marked as such in
 * {@link Usage#costEstimated()}, so the usage line can say so.
 */
public final class CostEstimator {

    /** Never estimates: for when no catalogue is at hand. */
    public static final CostEstimator NONE = new CostEstimator(null);

    private final Catalog catalog;

    public CostEstimator(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The usage as reported when it has a cost or no tokens, else with the cost estimated
     * from the prices of {@code model}, when the catalogue knows them.
     */
    public Usage complete(String model, Usage usage) {
        if (catalog == null || usage == null || usage.cost() != null || usage.isNone() || usage.invalid()
                || model == null) {
            return usage;
        }
        return catalog.find(model)
                .flatMap(m -> estimate(m.pricing(), usage))
                .map(usage::withEstimatedCost)
                .orElse(usage);
    }

    /** prompt tokens x prompt price + completion tokens x completion price + the per-request price; empty when a price is unknown. */
    public static Optional<Double> estimate(Pricing pricing, Usage usage) {
        if (!pricing.known() || usage == null) {
            return Optional.empty();
        }
        BigDecimal cost = pricing.prompt().multiply(BigDecimal.valueOf(usage.promptTokens()))
                .add(pricing.completion().multiply(BigDecimal.valueOf(usage.completionTokens())));
        if (pricing.request() != null) {
            cost = cost.add(pricing.request());
        }
        return Optional.of(cost.doubleValue());
    }
}
