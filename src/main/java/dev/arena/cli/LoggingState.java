package dev.arena.cli;

import dev.arena.config.ConfigFile;
import dev.arena.config.ConfigKey;
import dev.arena.store.StoreLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether arena records its runs when no {@code --no-log} is given, and what decided it: the
 * one place for that rule. {@code $ARENA_LOG} beats the config file's {@code log}, which beats
 * the marker {@code arena logs off} leaves (so a script's or a user's explicit choice is never
 * undone by another's {@code arena logs on}); with none of them, logging is on.
 *
 * @param reason what decided, as {@code arena logs status} says it
 */
record LoggingState(boolean on, Source source, String reason) {

    enum Source { ENVIRONMENT, CONFIG_FILE, MARKER, DEFAULT }

    /**
     * @throws IllegalArgumentException when {@code $ARENA_LOG} is neither true nor false, in a
     *         sentence as the options' defaults give it (the config file's value was checked when
     *         it was read)
     */
    static LoggingState of(Stdio io, ArenaCommand root) {
        String env = io.env().get(ConfigKey.LOG.envName());
        if (env != null && !env.isBlank()) {
            String problem = ConfigKey.LOG.problem(env);
            if (problem != null) {
                throw new IllegalArgumentException("$" + ConfigKey.LOG.envName() + ": " + problem);
            }
            return new LoggingState(isTrue(env), Source.ENVIRONMENT, "$" + ConfigKey.LOG.envName() + " is " + env.strip());
        }
        Optional<ConfigFile.Entry> configured = root.config().get(ConfigKey.LOG);
        if (configured.isPresent()) {
            return new LoggingState(isTrue(configured.get().value()), Source.CONFIG_FILE, ConfigKey.LOG.key() + "="
                    + configured.get().value().strip() + " in " + root.config().path() + " line " + configured.get().line());
        }
        Path marker = marker(io);
        if (Files.exists(marker)) {
            return new LoggingState(false, Source.MARKER, "arena logs off left " + marker);
        }
        return new LoggingState(true, Source.DEFAULT, "the default");
    }

    /** The file whose presence turns logging off, where neither the environment nor the config file decides. */
    static Path marker(Stdio io) {
        return StoreLocation.offMarker(io.env(), CatalogOptions.home(io));
    }

    /** True when the environment or the config file decides, so the marker does not count. */
    boolean overridesMarker() {
        return source == Source.ENVIRONMENT || source == Source.CONFIG_FILE;
    }

    private static boolean isTrue(String value) {
        return value.strip().toLowerCase(Locale.ROOT).equals("true");
    }
}
