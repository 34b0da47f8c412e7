package dev.arena.cli;

import dev.arena.files.ArenaDirectories;
import dev.arena.files.FileErrors;
import dev.arena.output.TextSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code arena logs on} and {@code arena logs off}: remove or leave the marker file that turns
 * logging off for every later run (one stat per run, no database). $ARENA_LOG and the config
 * file's log= decide over the marker; when one is set, the user is told that the switch
 * changes nothing until it is removed.
 */
@Command(addMethodSubcommands = false)
abstract class LogsSwitchCommand implements Callable<Integer> {

    @ParentCommand
    LogsCommand parent;

    @Spec
    CommandSpec spec;

    /** Whether this command turns logging on. */
    abstract boolean turnsOn();

    @Override
    public Integer call() {
        Stdio io = parent.root.stdio();
        TextSink out = TextSink.stdout(io.out());
        TextSink err = TextSink.stderr(io.err());
        Path marker = LoggingState.marker(io);
        try {
            if (turnsOn()) {
                Files.deleteIfExists(marker);
            } else {
                ArenaDirectories.createPrivate(marker.toAbsolutePath().getParent());
                try {
                    Files.createFile(marker);
                } catch (FileAlreadyExistsException already) {
                    // Off already: fine.
                }
            }
        } catch (IOException e) {
            err.write("arena: cannot turn logging " + (turnsOn() ? "on" : "off") + ": " + marker + ": "
                    + FileErrors.reason(e) + "\n").flush();
            return ExitCode.FAILED;
        }
        LoggingState state;
        try {
            state = LoggingState.of(io, parent.root);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (state.overridesMarker()) {
            err.write("arena: " + state.reason() + ", which decides over arena logs on/off: logging stays "
                    + (state.on() ? "on" : "off") + "\n").flush();
        } else {
            out.write(turnsOn() ? "logging is on: arena records every run in " + parent.store.file(io) + "\n"
                    : "logging is off: arena records nothing until arena logs on\n").flush();
        }
        return ExitCode.OK;
    }

    @Command(addMethodSubcommands = false, name = "on", mixinStandardHelpOptions = true,
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {ExitCode.HELP_0, "1:the marker file could not be removed", ExitCode.HELP_2},
            description = "Turn logging back on for every later run (removes the marker of arena logs off). "
                    + "$ARENA_LOG and the config file's log= still decide over it.")
    static final class On extends LogsSwitchCommand {
        @Override
        boolean turnsOn() {
            return true;
        }
    }

    @Command(addMethodSubcommands = false, name = "off", mixinStandardHelpOptions = true,
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {ExitCode.HELP_0, "1:the marker file could not be made", ExitCode.HELP_2},
            description = "Turn logging off for every later run: leaves a marker file under $XDG_STATE_HOME/arena "
                    + "(default ~/.local/state/arena/logs-off). $ARENA_LOG and the config file's log= still decide over it.")
    static final class Off extends LogsSwitchCommand {
        @Override
        boolean turnsOn() {
            return false;
        }
    }
}
