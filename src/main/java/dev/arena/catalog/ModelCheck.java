package dev.arena.catalog;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks requested model ids against a catalogue before any request is spent on them: an
 * id the server does not list is a problem, with the nearest ids it does list; an id that
 * OpenRouter plans to remove within {@value #EXPIRY_WARNING_DAYS} days (or already has) is a
 * warning. Against arena's built-in list nothing is refused, since that list is short: the
 * result only says the ids were not checked.
 */
public final class ModelCheck {

    public static final int EXPIRY_WARNING_DAYS = 30;

    /** OpenRouter's variant suffixes: {@code openai/gpt-4o:nitro} is {@code openai/gpt-4o}, routed differently. */
    private static final Set<String> VARIANTS = Set.of("free", "nitro", "floor", "thinking", "online", "extended", "exacto");

    /** An id as the user asked for it, and where ({@code --pro}, {@code --fallback}, ...). */
    public record Requested(String where, String id) {
    }

    /**
     * @param problems one sentence per unknown id, with suggestions; empty when every id is known
     * @param warnings sentences to show without stopping (expiring ids, ids left unchecked)
     */
    public record Result(List<String> problems, List<String> warnings) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private ModelCheck() {
    }

    /** Every id of {@code ids} (each with its {@code where}), in order. */
    public static List<Requested> requested(String where, List<String> ids) {
        return ids.stream().map(id -> new Requested(where, id)).toList();
    }

    /** @param server how to name the server in a sentence, e.g. {@code openrouter.ai} */
    public static Result check(Catalog catalog, List<Requested> requested, LocalDate today, String server) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (catalog.source() == Catalog.Source.BUILT_IN) {
            warnings.add("model ids not checked: " + catalog.notice().orElse("only arena's built-in model list is at hand"));
            return new Result(problems, warnings);
        }
        List<String> seen = new ArrayList<>();
        for (Requested r : requested) {
            if (seen.contains(r.id())) {
                continue;
            }
            seen.add(r.id());
            Optional<ModelInfo> model = find(catalog, r.id());
            if (model.isEmpty()) {
                List<String> near = catalog.suggestions(r.id(), 3);
                problems.add("'" + r.id() + "' (" + r.where() + ") is not a model of " + server
                        + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?"));
                continue;
            }
            LocalDate expires = model.get().expirationDate();
            if (expires != null) {
                long days = ChronoUnit.DAYS.between(today, expires);
                if (days < 0) {
                    warnings.add(r.id() + " was to be removed on " + expires + "; it may be gone soon, pick another with: arena models");
                } else if (days <= EXPIRY_WARNING_DAYS) {
                    warnings.add(r.id() + " will be removed on " + expires + " (in " + days + (days == 1 ? " day" : " days")
                            + "); pick another with: arena models");
                }
            }
        }
        return new Result(problems, warnings);
    }

    /**
     * The listed model an id stands for: the same id; the id without an OpenRouter variant
     * ({@code :nitro}); the id with Ollama's implied {@code :latest}. OpenRouter's
     * {@code ~author/family-latest} router aliases pass as they are: the server resolves them.
     */
    public static Optional<ModelInfo> find(Catalog catalog, String id) {
        Optional<ModelInfo> exact = catalog.find(id);
        if (exact.isPresent()) {
            return exact;
        }
        if (id.startsWith("~")) {
            return Optional.of(ModelInfo.ofId(id));
        }
        int colon = id.lastIndexOf(':');
        if (colon > 0 && VARIANTS.contains(id.substring(colon + 1))) {
            Optional<ModelInfo> base = catalog.find(id.substring(0, colon));
            if (base.isPresent()) {
                return base;
            }
        }
        return colon < 0 ? catalog.find(id + ":latest") : Optional.empty();
    }
}
