package dev.arena.cli;

import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.output.TextSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code arena logs path}: where the store is, for {@code sqlite3 "$(arena logs path)"}. */
@Command(addMethodSubcommands = false, name = "path", mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, ExitCode.HELP_2},
        description = "Print the store's file (--db, else $ARENA_DB, else the config file's db, "
                + "else $XDG_DATA_HOME/arena/arena.db), whether or not it exists yet.")
final class LogsPathCommand implements Callable<Integer> {

    @ParentCommand
    LogsCommand parent;

    @Override
    public Integer call() {
        Stdio io = parent.root.stdio();
        try {
            TextSink.stdout(io.out()).write(parent.store.file(io).toAbsolutePath().normalize() + "\n").flush();
        } catch (OutputClosedException e) {
            // | head: fine.
        } catch (OutputFailedException e) {
            return ModelsCommand.cannotWrite(TextSink.stderr(io.err()), e);
        }
        return ExitCode.OK;
    }
}
