package dev.arena.catalog;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;

/** The orders {@code arena models --sort} offers; ties, and models without the value, go by id. */
public enum ModelSort {
    /** Cheapest first (prompt plus completion per token); unknown prices last. */
    PRICE(Comparator.comparing(ModelSort::totalPrice, Comparator.nullsLast(Comparator.naturalOrder()))),
    /** Largest context window first; unknown last. */
    CONTEXT(Comparator.comparing(ModelInfo::contextLength, Comparator.nullsLast(Comparator.reverseOrder()))),
    /** By display name, ignoring case. */
    NAME(Comparator.comparing(m -> m.displayName().toLowerCase(Locale.ROOT))),
    /** Newest first; models without a creation time last. */
    NEWEST(Comparator.comparing(ModelInfo::created, Comparator.nullsLast(Comparator.reverseOrder())));

    private final Comparator<ModelInfo> order;

    ModelSort(Comparator<ModelInfo> order) {
        this.order = order.thenComparing(ModelInfo::id);
    }

    public Comparator<ModelInfo> comparator() {
        return order;
    }

    private static BigDecimal totalPrice(ModelInfo m) {
        return m.pricing().known() ? m.pricing().prompt().add(m.pricing().completion()) : null;
    }
}
