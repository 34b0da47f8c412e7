package dev.arena.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One model of a server's catalogue. Only {@code id} is certain; every other field may be
 * null (or empty) because servers differ: OpenRouter fills most, Ollama only the id.
 *
 * @param created             when the model was added, in epoch seconds
 * @param maxCompletionTokens the longest answer the top provider allows
 * @param expirationDate      the day OpenRouter plans to remove the model
 */
public record ModelInfo(String id, String name, Long created, Integer contextLength, Pricing pricing,
                        Integer maxCompletionTokens, List<String> supportedParameters,
                        LocalDate expirationDate, String description) {

    public ModelInfo {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a model needs an id");
        }
        pricing = pricing == null ? Pricing.UNKNOWN : pricing;
        supportedParameters = supportedParameters == null ? List.of() : List.copyOf(supportedParameters);
    }

    /** A model known by its id alone. */
    public static ModelInfo ofId(String id) {
        return new ModelInfo(id, null, null, null, Pricing.UNKNOWN, null, List.of(), null, null);
    }

    /** The name, or the id when the server gave none. */
    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }

    /** Whether the model accepts this request parameter (e.g. {@code tools}, {@code reasoning}); case-insensitive. */
    public boolean supports(String parameter) {
        String wanted = parameter.strip().toLowerCase(Locale.ROOT);
        return supportedParameters.stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
