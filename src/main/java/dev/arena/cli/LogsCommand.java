package dev.arena.cli;

import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.output.TextSink;
import dev.arena.store.LogEntry;
import dev.arena.store.LogQuery;
import dev.arena.store.StoreException;
import dev.arena.store.StoreLocation;
import dev.arena.store.StoreReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code arena logs}: the conversations and debates of the store, latest last, or the best matches of a search. */
@Command(addMethodSubcommands = false, name = "logs", sortOptions = false, mixinStandardHelpOptions = true,
        subcommands = {
            LogsPathCommand.class,
            LogsStatusCommand.class,
            LogsSwitchCommand.On.class,
            LogsSwitchCommand.Off.class,
            LogsShowCommand.class,
            LogsExportCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, LogsCommand.HELP_1, LogsCommand.HELP_2, LogsCommand.HELP_3},
        description = {"List what the store recorded: one line per chat conversation or debate, the latest last.",
            "Columns: id, local time of its last request, kind, model (a debate's: pro vs con), requests, "
                + "cost (~ when estimated, 'unknown' when unknown), title. On a terminal the title is cut to the width; "
                + "on a pipe the fields are tab-separated and whole."})
final class LogsCommand implements Callable<Integer> {

    static final String DEFAULT_COUNT = "10";

    /** The exit codes of the reading commands, as their help lists them. */
    static final String HELP_1 = "1:stdout could not be written (a full disk, an I/O error)";
    static final String HELP_2 = "2:usage error (a bad flag or value)";
    static final String HELP_2_ARENA_LOG = "2:usage error (a bad flag, or $ARENA_LOG neither true nor false)";
    static final String HELP_3 = "3:the store cannot be read (damaged, from a newer arena, locked, unreadable)";

    @ParentCommand
    ArenaCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "-n", paramLabel = "N", converter = OptionConverters.WholeNumber.class, defaultValue = DEFAULT_COUNT,
            description = "How many entries: the latest N, or the N best matches of -q; 0 for all (default: ${DEFAULT-VALUE}).")
    int count;

    // -m alone, not --model: a config file's model= must not become a filter of the list.
    @Option(names = "-m", paramLabel = "MODEL",
            description = "Only entries with a request that asked for MODEL or was answered by it (an alias is resolved).")
    String model;

    @Option(names = "--since", paramLabel = "DURATION|DATE", converter = SinceConverter.class,
            description = "Only entries active since then: a duration back from now (30m, 2h, 3d) "
                    + "or a local date or time (2026-11-30, 2026-11-30T12:00).")
    Instant since;

    @Option(names = "--debates", description = "Only debates.")
    boolean debates;

    @Option(names = "--chats", description = "Only chat conversations.")
    boolean chats;

    @Option(names = {"-q", "--query"}, paramLabel = "TEXT",
            description = "Full-text search of the prompts and answers: entries holding every word of TEXT, "
                    + "best match first, each with a snippet (matches in [brackets]).")
    String query;

    @Option(names = "--json", description = "Write JSON Lines: one object per entry.")
    boolean json;

    @Mixin
    StoreFileOption store;

    @Override
    public Integer call() {
        LogQuery logQuery = logQuery();
        Stdio io = root.stdio();
        TextSink out = TextSink.stdout(io.out());
        TextSink err = TextSink.stderr(io.err());
        Path file = store.file(io);
        List<LogEntry> entries;
        try (StoreReader reader = open(io, err)) {
            if (reader == null) {
                return ExitCode.OK;
            }
            entries = logQuery.run(reader);
        } catch (StoreException e) {
            err.write("arena: " + e.getMessage() + "\n").flush();
            return ExitCode.CONFIG;
        }
        try {
            ZoneId zone = ZoneId.systemDefault();
            if (json) {
                entries.forEach(e -> out.write(LogEntryText.json(e, io.stdoutIsTerminal()) + "\n"));
            } else if (io.stdoutIsTerminal()) {
                if (!entries.isEmpty()) {
                    LogEntryText.table(entries, zone, ModelsCommand.width(io)).forEach(line -> out.write(line + "\n"));
                }
            } else {
                entries.forEach(e -> out.write(LogEntryText.tsv(e, zone) + "\n"));
            }
            out.flush();
        } catch (OutputClosedException e) {
            return ExitCode.OK; // | head: the reader has what it wanted.
        } catch (OutputFailedException e) {
            return ModelsCommand.cannotWrite(err, e);
        }
        if (entries.isEmpty()) {
            err.write("arena: " + (filtered() ? "no entry matches" : "the store " + file + " holds no conversation or debate yet")
                    + "\n").flush();
        }
        return ExitCode.OK;
    }

    /** The options as a query; a bad combination is a usage error. */
    private LogQuery logQuery() {
        if (debates && chats) {
            throw new ParameterException(spec.commandLine(), "--debates and --chats cannot be combined: give one, or neither for both");
        }
        if (count < 0) {
            throw new ParameterException(spec.commandLine(), "-n must be 0 (all) or more, not " + count);
        }
        if (query != null && LogQuery.searchExpression(query).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "-q needs words to search for, e.g. -q 'rate limit'");
        }
        if (model != null && model.isBlank()) {
            throw new ParameterException(spec.commandLine(), "-m must not be empty");
        }
        String resolved = model == null ? null : root.aliases().resolve(model.strip());
        return new LogQuery(count, debates ? "debate" : chats ? "chat" : null, resolved, since, query);
    }

    private boolean filtered() {
        return debates || chats || model != null || since != null || query != null;
    }

    /**
     * The store opened for reading, or null when there is none, after saying so on stderr (exit 0:
     * nothing is recorded yet, and a reading command creates no file). For the subcommands that
     * read one entry too ({@code show}, {@code export}).
     */
    StoreReader open(Stdio io, TextSink err) throws StoreException {
        Path file = store.file(io);
        Optional<StoreReader> reader = StoreReader.open(file, StoreLocation.cacheDir(io.env(), CatalogOptions.home(io)));
        if (reader.isEmpty()) {
            err.write("arena: nothing is recorded yet (the store would be " + file + ")\n").flush();
        }
        return reader.orElse(null);
    }
}
