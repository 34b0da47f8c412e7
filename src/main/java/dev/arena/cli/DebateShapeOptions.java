package dev.arena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What every debate of a run is given, whether one ({@code debate}) or many ({@code tournament}):
 * its rounds, and the fighters' temperature and longest turn. One set of options, so both
 * commands check them alike and the config file's defaults reach both.
 */
@Command(addMethodSubcommands = false)
final class DebateShapeOptions {

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", converter = OptionConverters.Rounds.class,
            description = "Rounds, 1 to 50 (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.8", converter = OptionConverters.Temperature.class,
            description = "Sampling temperature for the fighters, 0 to 2 (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "500", converter = OptionConverters.MaxTokens.class,
            description = "Longest turn, in tokens (default: ${DEFAULT-VALUE}).")
    int maxTokens;
}
