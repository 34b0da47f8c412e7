package dev.arena.catalog;

import dev.arena.openrouter.ApiException;

import java.util.List;

/** Where fresh model lists come from: the server ({@link CatalogClient}), or a stand-in in tests. */
@FunctionalInterface
public interface CatalogSource {

    List<ModelInfo> fetch() throws ApiException;
}
