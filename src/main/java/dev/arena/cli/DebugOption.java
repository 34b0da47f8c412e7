package dev.arena.cli;

import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.DebugText;
import dev.arena.output.TextSink;
import dev.arena.text.Redactor;
import dev.arena.text.TerminalSanitizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.function.Consumer;

/**
 * {@code --debug}: the one place that turns a client's log lines into stderr lines, shared by
 * the commands that stream ({@link ConnectionOptions}) and those that fetch the catalogue
 * ({@link CatalogOptions}). {@link ErrorHandlers} finds it by name to show stack traces.
 */
// No subcommands to find among this mixin's methods: picocli looks for them by reflection otherwise.
@Command(addMethodSubcommands = false)
final class DebugOption {

    @Option(names = "--debug", description = "Log requests and responses (each streamed event cut at " + DebugText.MAX_CHARS
            + " characters, the key redacted) and show stack traces, on stderr.")
    boolean debug;

    /**
     * The debug log, or {@link ClientSettings#NO_LOG} without --debug. The lines hold raw
     * headers and bodies from the server: stripped of what a terminal would act on first, so
     * that a key split by an escape sequence is whole when redacted.
     */
    Consumer<String> log(TextSink err, Redactor redactor) {
        if (!debug) {
            return ClientSettings.NO_LOG;
        }
        return line -> err.write("arena[debug]: " + redactor.redact(TerminalSanitizer.strip(line)) + "\n").flush();
    }
}
