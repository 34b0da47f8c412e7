package dev.arena.cli;

import dev.arena.config.ConfigFile;
import dev.arena.config.ConfigKey;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.util.Map;
import java.util.Optional;

/**
 * The one place option defaults come from, below the command line itself: the
 * environment variable of the option's {@link ConfigKey} ({@code ARENA_MAX_TOKENS}), else
 * the config file's value, else nothing, and picocli falls back to the option's built-in
 * {@code defaultValue}. So: flag, then environment, then file, then built-in default. A model
 * list's variable set empty ({@code ARENA_JUDGE=}) means none, as the empty option does.
 */
final class ConfigDefaults implements IDefaultValueProvider {

    private final Map<String, String> env;
    private final ConfigFile file;

    ConfigDefaults(Map<String, String> env, ConfigFile file) {
        this.env = env;
        this.file = file;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        Optional<ConfigKey> found = ConfigKey.forOption(option.longestName());
        if (found.isEmpty()) {
            return null;
        }
        ConfigKey key = found.get();
        String fromEnv = env.get(key.envName());
        if (fromEnv != null && fromEnv.isBlank() && key.emptyMeansNone()) {
            return ""; // ARENA_JUDGE= : no judge, whatever the file says
        }
        if (fromEnv != null && !fromEnv.isBlank()) {
            String problem = key.problem(fromEnv);
            if (problem != null) {
                throw new ParameterException(option.command().commandLine(), "$" + key.envName() + ": " + problem);
            }
            return key.optionValue(fromEnv);
        }
        return file.get(key).map(entry -> key.optionValue(entry.value())).orElse(null);
    }

    @Override
    public String toString() {
        return "environment and " + file.path();
    }
}
