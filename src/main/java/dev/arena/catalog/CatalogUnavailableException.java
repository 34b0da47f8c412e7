package dev.arena.catalog;

/**
 * No model list of a server other than OpenRouter: the fetch failed and nothing is cached.
 * arena's built-in list is OpenRouter's models, so it cannot stand in for another server.
 */
public final class CatalogUnavailableException extends Exception {

    public CatalogUnavailableException(String message) {
        super(message);
    }
}
