package dev.arena.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A list of models and where it came from. The filters and {@link #sorted} return new
 * catalogues of the same origin, so they chain:
 * {@code catalog.search("llama").minContext(100_000).sorted(ModelSort.PRICE)}.
 */
public final class Catalog {

    /** Where the list came from. */
    public enum Source {
        /** Fetched from the server just now. */
        NETWORK,
        /** Read from the cache, younger than its time to live. */
        CACHE,
        /** Read from an expired cache because the server could not be reached. */
        STALE_CACHE,
        /** arena's built-in list: neither the server nor a cache was available. */
        BUILT_IN
    }

    private final List<ModelInfo> models;
    private final Source source;
    private final Instant fetchedAt;
    private final String notice;

    /**
     * @param fetchedAt when the list was fetched from the server; null for the built-in list
     * @param notice    a sentence for the user about the list's origin (stale, built-in), or null
     */
    public Catalog(List<ModelInfo> models, Source source, Instant fetchedAt, String notice) {
        this.models = List.copyOf(models);
        this.source = source;
        this.fetchedAt = fetchedAt;
        this.notice = notice;
    }

    public List<ModelInfo> models() {
        return models;
    }

    public List<String> ids() {
        return models.stream().map(ModelInfo::id).toList();
    }

    public Source source() {
        return source;
    }

    public Optional<Instant> fetchedAt() {
        return Optional.ofNullable(fetchedAt);
    }

    /** What the user should know about where this list came from, if anything. */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /** The model with exactly this id. */
    public Optional<ModelInfo> find(String id) {
        String wanted = id.strip();
        return models.stream().filter(m -> m.id().equals(wanted)).findFirst();
    }

    /** The known ids nearest to an unknown one, best first, for "did you mean ...?". */
    public List<String> suggestions(String id, int max) {
        return Suggestions.nearest(id, ids(), max);
    }

    /** Models whose id or name contains the text, ignoring case. */
    public Catalog search(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return filter(m -> m.id().toLowerCase(Locale.ROOT).contains(wanted)
                || m.name() != null && m.name().toLowerCase(Locale.ROOT).contains(wanted));
    }

    /** Models whose prompt and completion are both known to be free. */
    public Catalog free() {
        return filter(m -> m.pricing().free());
    }

    /** Models whose prompt and completion prices are both known and at most this many USD per million tokens. */
    public Catalog maxPrice(BigDecimal usdPerMillion) {
        return filter(m -> m.pricing().known()
                && m.pricing().promptPerMillion().compareTo(usdPerMillion) <= 0
                && m.pricing().completionPerMillion().compareTo(usdPerMillion) <= 0);
    }

    /** Models with a known context window of at least this many tokens. */
    public Catalog minContext(long tokens) {
        return filter(m -> m.contextLength() != null && m.contextLength() >= tokens);
    }

    /** Models that list this request parameter among their supported ones (e.g. {@code tools}). */
    public Catalog supports(String parameter) {
        return filter(m -> m.supports(parameter));
    }

    public Catalog filter(Predicate<ModelInfo> keep) {
        return new Catalog(models.stream().filter(keep).toList(), source, fetchedAt, notice);
    }

    public Catalog sorted(ModelSort sort) {
        return new Catalog(models.stream().sorted(sort.comparator()).toList(), source, fetchedAt, notice);
    }
}
