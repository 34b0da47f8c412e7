package dev.arena.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short names for model ids, usable anywhere an id is ({@code -m gpt-4o-mini}). A built-in
 * table covers the common families with the ids OpenRouter's documentation names (see
 * section 7 of the protocol notes); the user's own, from the config file, come on top and
 * may replace a built-in one. An alias resolves once: an alias naming another alias is
 * sent as written.
 */
public final class Aliases {

    /** Where an alias comes from, for {@code arena models --aliases}. */
    public record Alias(String name, String id, String origin) {
    }

    public static final String BUILT_IN = "built-in";

    private static final Map<String, String> TABLE = builtInTable();

    private final Map<String, Alias> byName;

    private Aliases(Map<String, Alias> byName) {
        this.byName = byName;
    }

    /** Only the built-in aliases. */
    public static Aliases builtIn() {
        Map<String, Alias> map = new LinkedHashMap<>();
        TABLE.forEach((name, id) -> map.put(name, new Alias(name, id, BUILT_IN)));
        return new Aliases(map);
    }

    /** These aliases with the user's added, replacing built-in ones of the same name. */
    public Aliases with(Map<String, String> user, String origin) {
        Map<String, Alias> map = new LinkedHashMap<>(byName);
        user.forEach((name, id) -> map.put(name, new Alias(name, id.strip(), origin)));
        return new Aliases(map);
    }

    /** The id an alias stands for, or {@code idOrAlias} itself (stripped) when it is no alias. */
    public String resolve(String idOrAlias) {
        if (idOrAlias == null) {
            return null;
        }
        String key = idOrAlias.strip();
        Alias alias = byName.get(key);
        return alias == null ? key : alias.id();
    }

    /** Each id resolved, in order. */
    public List<String> resolveAll(List<String> ids) {
        List<String> resolved = new ArrayList<>(ids.size());
        ids.forEach(id -> resolved.add(resolve(id)));
        return resolved;
    }

    /** Every alias, built-in ones first, in table order, then the user's. */
    public List<Alias> all() {
        return List.copyOf(byName.values());
    }

    private static Map<String, String> builtInTable() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("gpt-4o", "openai/gpt-4o");
        t.put("gpt-4o-mini", "openai/gpt-4o-mini");
        t.put("claude-sonnet", "anthropic/claude-sonnet-4.5");
        // OpenRouter's alias for the newest Gemini Pro; google/gemini-pro itself is refused.
        t.put("gemini-pro", "~google/gemini-pro-latest");
        t.put("llama-3.3-70b", "meta-llama/llama-3.3-70b-instruct");
        t.put("mistral-large", "mistralai/mistral-large");
        t.put("deepseek-chat", "deepseek/deepseek-chat");
        t.put("deepseek-v3", "deepseek/deepseek-chat");
        // deepseek-reasoner is DeepSeek's own API name for R1, not an OpenRouter id.
        t.put("deepseek-r1", "deepseek/deepseek-r1");
        return t;
    }
}
