package dev.arena.cli;

import dev.arena.files.FileErrors;
import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.output.TextSink;
import dev.arena.store.StoreException;
import dev.arena.store.StoreSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code arena logs status}: whether arena records, why, and what the store holds. */
@Command(addMethodSubcommands = false, name = "status", mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, ExitCode.HELP_1, "2:usage error (a bad flag, or $ARENA_LOG neither true nor false)",
            "3:the store cannot be read (damaged, from a newer arena, locked, unreadable)"},
        description = {"Say whether logging is on and what decided it ($ARENA_LOG, else the config file's log=, "
                + "else the marker of arena logs off, else on by default), then the store's file, its size, "
                + "its schema version and how many chats, debates and requests it holds.",
            "--no-log of a single command is not shown here: it only concerns that run."})
final class LogsStatusCommand implements Callable<Integer> {

    @ParentCommand
    LogsCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Stdio io = parent.root.stdio();
        TextSink out = TextSink.stdout(io.out());
        TextSink err = TextSink.stderr(io.err());
        LoggingState logging;
        try {
            logging = LoggingState.of(io, parent.root);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path file = parent.store.file(io).toAbsolutePath().normalize();
        List<String> lines = new ArrayList<>();
        lines.add("logging:   " + (logging.on() ? "on" : "off") + " (" + logging.reason() + ")");
        int code = ExitCode.OK;
        String problem = null;
        if (!Files.exists(file)) {
            lines.add("file:      " + file + " (not created yet: nothing is recorded)");
        } else {
            lines.add("file:      " + file);
            try {
                lines.add("size:      " + size(Files.size(file)));
            } catch (IOException e) {
                lines.add("size:      unknown (" + FileErrors.reason(e) + ")");
            }
            try (var reader = parent.open(io, err)) {
                if (reader != null) {
                    StoreSummary summary = StoreSummary.of(reader);
                    lines.add("schema:    " + summary.schemaVersion());
                    lines.add("chats:     " + summary.chats());
                    lines.add("debates:   " + summary.debates());
                    lines.add("requests:  " + summary.requests());
                }
            } catch (StoreException e) {
                problem = e.getMessage();
                code = ExitCode.CONFIG;
            }
        }
        try {
            lines.forEach(line -> out.write(line + "\n"));
            out.flush();
        } catch (OutputClosedException e) {
            // | head: fine.
        } catch (OutputFailedException e) {
            return ModelsCommand.cannotWrite(err, e);
        }
        if (problem != null) {
            err.write("arena: " + problem + "\n").flush();
        }
        return code;
    }

    /** {@code 812 bytes}, {@code 48.0 KiB}, {@code 3.2 MiB}, {@code 1.1 GiB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
