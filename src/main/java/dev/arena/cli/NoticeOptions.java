package dev.arena.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How much arena says besides its output, and whether in colour: shared by the commands that
 * answer ({@link OutputOptions}) and {@code models}, so that one script's flags fit them all.
 */
// No subcommands to find among this mixin's methods: picocli looks for them by reflection otherwise.
@Command(addMethodSubcommands = false)
final class NoticeOptions {

    @Option(names = "--no-color", description = "No colours (also when $NO_COLOR is set).")
    boolean noColor;

    @Option(names = {"-q", "--quiet"}, description = "On a pipe, no notices or usage line on stderr; errors still show.")
    boolean quiet;

    boolean color(Stdio io) {
        String noColorEnv = io.env().get("NO_COLOR");
        return !noColor && (noColorEnv == null || noColorEnv.isEmpty());
    }
}
