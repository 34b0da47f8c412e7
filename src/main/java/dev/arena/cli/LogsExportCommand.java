package dev.arena.cli;

import dev.arena.files.ArenaDirectories;
import dev.arena.files.FileBusyException;
import dev.arena.files.NotReplaceableException;
import dev.arena.files.WriteLock;
import dev.arena.output.TextSink;
import dev.arena.transcript.TranscriptExistsException;
import dev.arena.transcript.TranscriptFormat;
import dev.arena.transcript.Transcripts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code arena logs export ID --format md|json|jsonl [--out FILE]}: one stored entry in a
 * transcript format, on stdout or into a file under the rules of {@code debate --out}.
 */
@Command(addMethodSubcommands = false, name = "export", sortOptions = false, mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, "1:the output could not be written (a full disk, an I/O error)",
            "2:usage error (a bad flag or value; an --out file that exists, without --force, or that another arena writes)",
            "3:no entry has that id, or the store cannot be read (damaged, from a newer arena, locked, unreadable)"},
        description = {"Write one debate or chat of the store as a transcript: Markdown, JSON or JSON Lines.",
            "A debate's are the formats of debate --out; a chat's are described in the README."})
final class LogsExportCommand implements Callable<Integer> {

    @ParentCommand
    LogsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The entry's id (as arena logs lists it), or a unique prefix of at least 4 characters.")
    String id;

    @Option(names = "--format", paramLabel = "md|json|jsonl",
            description = "The format (default: from the --out extension, else md).")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path out;

    @Option(names = "--force", description = "Overwrite the --out file when it exists and is not empty.")
    boolean force;

    @Override
    public Integer call() {
        Stdio io = parent.root.stdio();
        if (force && out == null) {
            throw new ParameterException(spec.commandLine(), "--force needs --out FILE: it lets --out overwrite a file that is not empty");
        }
        TranscriptFormat chosen = format();
        TextSink err = TextSink.stderr(io.err());
        return StoredEntries.use(io, parent.store.file(io), id, err, entry -> {
            if (out == null) {
                EntryFormats.render(entry, chosen, TextSink.stdout(io.out()), io.stdoutIsTerminal());
                return ExitCode.OK;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            EntryFormats.render(entry, chosen, new TextSink(bytes), false);
            return write(io, err, bytes.toString(StandardCharsets.UTF_8), chosen);
        });
    }

    private TranscriptFormat format() {
        try {
            if (out != null) {
                // A name without a known extension is Markdown, as stdout is, unless --format says otherwise.
                return TranscriptFormat.forFile(out, format == null && TranscriptFormat.fromFileName(out).isEmpty() ? "md" : format);
            }
            return format == null ? TranscriptFormat.MARKDOWN : TranscriptFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), (out != null ? "--out: " : "--format: ") + e.getMessage());
        }
    }

    /** Under the transcript's write lock, as debate --out takes it, so two arenas never write one file. */
    private int write(Stdio io, TextSink err, String text, TranscriptFormat chosen) {
        try (WriteLock lock = WriteLock.acquire(ArenaDirectories.locks(io.env(), CatalogOptions.home(io)), out)) {
            Transcripts.write(out, chosen, force, text);
            return ExitCode.OK;
        } catch (FileBusyException | NotReplaceableException | TranscriptExistsException e) {
            return StoredEntries.say(err, e.getMessage(), ExitCode.USAGE);
        } catch (IOException e) {
            return StoredEntries.say(err, "cannot write the export to " + out + ": " + e.getMessage(), ExitCode.FAILED);
        }
    }
}
