package dev.arena.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The defaults a user may set, each in three places with one precedence: the command-line
 * option beats the environment variable ({@code ARENA_} and the key in upper case, e.g.
 * {@code ARENA_MAX_TOKENS}), which beats the config file's {@code key=value}, which beats
 * arena's built-in default. Each key names the long option it stands for.
 */
public enum ConfigKey {
    BASE_URL("base-url", "--base-url", "API base URL, e.g. http://localhost:11434/v1", ConfigKey::url),
    MODEL("model", "--model", "chat's model", ConfigKey::modelId),
    FALLBACK("fallback", "--fallback", "fallback models, m1,m2", ConfigKey::modelList),
    PRO("pro", "--pro", "debate's Pro model", ConfigKey::modelId),
    CON("con", "--con", "debate's Con model", ConfigKey::modelId),
    JUDGE("judge", "--judge", "debate's judge (always judge), m1,m2", ConfigKey::modelList),
    ROUNDS("rounds", "--rounds", "debate rounds, 1 to 50", checked(ValueChecks::rounds)),
    TEMPERATURE("temperature", "--temperature", "0 to 2", checked(ValueChecks::temperature)),
    MAX_TOKENS("max-tokens", "--max-tokens", "longest answer or turn, in tokens", checked(ValueChecks::maxTokens)),
    RATE_LIMIT("rate-limit", "--rate-limit", "e.g. 20/min or 20/min,openai/gpt-4o=5/min", ConfigKey::rateLimits),
    IDLE_TIMEOUT("idle-timeout", "--idle-timeout", "e.g. 30s, 2m", checked(ValueChecks::idleTimeout)),
    RETRIES("retries", "--retries", "retries per model, 0 to 100", checked(ValueChecks::retries)),
    COLOR("color", "--no-color", "true or false", ConfigKey::bool),
    API_KEY_FILE("api-key-file", "--api-key-file", "file whose first line is the API key", ConfigKey::path),
    RAW("raw", "--raw", "true or false: show Markdown unstyled on a terminal", ConfigKey::bool),
    LOG("log", "--no-log", "true or false: keep a record of every request in the store", ConfigKey::bool),
    DB("db", "--db", "the store's file, default ~/.local/share/arena/arena.db", ConfigKey::path);

    private final String key;
    private final String option;
    private final String help;
    private final UnaryOperator<String> check;

    ConfigKey(String key, String option, String help, UnaryOperator<String> check) {
        this.key = key;
        this.option = option;
        this.help = help;
        this.check = check;
    }

    /** The name in the config file, e.g. {@code max-tokens}. */
    public String key() {
        return key;
    }

    /** The environment variable, e.g. {@code ARENA_MAX_TOKENS}. */
    public String envName() {
        return "ARENA_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The long option this key gives a default to. */
    public String option() {
        return option;
    }

    public String help() {
        return help;
    }

    /**
     * True for the model lists (judge, fallback), which may be emptied for one run: an empty
     * {@code --judge ''} or {@code ARENA_JUDGE=} means none, overriding the file's.
     */
    public boolean emptyMeansNone() {
        return this == JUDGE || this == FALLBACK;
    }

    /** Why the value is not acceptable, or null when it is. */
    public String problem(String value) {
        return check.apply(value.strip());
    }

    /** The value as the option's default: {@code color=false} means {@code --no-color}, {@code log=false} {@code --no-log}. */
    public String optionValue(String value) {
        String v = value.strip();
        return this == COLOR || this == LOG ? Boolean.toString(!Boolean.parseBoolean(v.toLowerCase(Locale.ROOT))) : v;
    }

    public static Optional<ConfigKey> forKey(String key) {
        for (ConfigKey k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<ConfigKey> forOption(String longOption) {
        for (ConfigKey k : values()) {
            if (k.option.equals(longOption)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Null when {@code text} is an http(s) URL with a host; else why not. */
    public static String url(String text) {
        try {
            URI uri = new URI(text.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return null;
            }
        } catch (URISyntaxException e) {
            // described below
        }
        return "'" + text + "' is not an http(s) URL, e.g. http://localhost:11434/v1";
    }

    private static String modelId(String text) {
        return text.isEmpty() || text.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',')
                ? "'" + text + "' is not a model id" : null;
    }

    private static String modelList(String text) {
        for (String id : text.split(",", -1)) {
            if (id.isBlank() || id.strip().chars().anyMatch(Character::isWhitespace)) {
                return "'" + text + "' is not a model id or a comma-separated list of them";
            }
        }
        return null;
    }

    /** A check of {@link ValueChecks} as a problem: its sentence, or null when the value passes. */
    private static UnaryOperator<String> checked(Function<String, ?> check) {
        return text -> {
            try {
                check.apply(text);
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        };
    }

    /** Each piece of a comma-separated list, as the option's split pieces are checked one by one. */
    private static String rateLimits(String text) {
        UnaryOperator<String> one = checked(ValueChecks::rateLimit);
        for (String spec : text.split(",", -1)) {
            String problem = one.apply(spec);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String bool(String text) {
        String v = text.toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("false") ? null : "'" + text + "' is not true or false";
    }

    private static String path(String text) {
        return text.isBlank() ? "the file name is empty" : null;
    }
}
