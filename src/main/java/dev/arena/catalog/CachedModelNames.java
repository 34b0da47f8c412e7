package dev.arena.catalog;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The names TAB offers wherever a model goes inside arena (the chat's {@code /model} and
 * {@code /retry}): the aliases, then every id of one base URL's cached catalogue. The cache
 * file is read on first use, and once: a chat that never completes a model never reads it,
 * and TAB never goes online, so it answers at once even offline. With no cache (no
 * {@code arena models} yet), the aliases alone.
 */
public final class CachedModelNames implements Supplier<List<String>> {

    private final Path cacheDirectory;
    private final URI baseUrl;
    private final Aliases aliases;
    private List<String> names;

    public CachedModelNames(Path cacheDirectory, URI baseUrl, Aliases aliases) {
        this.cacheDirectory = cacheDirectory;
        this.baseUrl = baseUrl;
        this.aliases = aliases;
    }

    @Override
    public List<String> get() {
        if (names == null) {
            Set<String> all = new LinkedHashSet<>();
            aliases.all().forEach(alias -> all.add(alias.name()));
            CatalogCache.readCached(cacheDirectory, baseUrl).ifPresent(catalog -> all.addAll(catalog.ids()));
            names = List.copyOf(all);
        }
        return names;
    }
}
