package dev.arena.cli;

import dev.arena.output.TextSink;
import dev.arena.transcript.TranscriptFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code arena logs show ID}: one stored debate or chat as Markdown, as {@code --out x.md} writes it. */
@Command(addMethodSubcommands = false, name = "show", mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, "1:stdout could not be written (a full disk, an I/O error)", "2:usage error (a bad flag or value)",
            "3:no entry has that id, or the store cannot be read (damaged, from a newer arena, locked, unreadable)"},
        description = {"Print one debate or chat conversation of the store as Markdown.",
            "A debate reads as its --out .md transcript; a chat as each prompt and its answer with the usage line."})
final class LogsShowCommand implements Callable<Integer> {

    @ParentCommand
    LogsCommand parent;

    @Parameters(paramLabel = "ID", description = "The entry's id (as arena logs lists it), or a unique prefix of at least 4 characters.")
    String id;

    @Override
    public Integer call() {
        Stdio io = parent.root.stdio();
        TextSink out = TextSink.stdout(io.out());
        return StoredEntries.use(io, parent.store.file(io), id, TextSink.stderr(io.err()), entry -> {
            EntryFormats.render(entry, TranscriptFormat.MARKDOWN, out, io.stdoutIsTerminal());
            return ExitCode.OK;
        });
    }
}
