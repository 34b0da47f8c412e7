package dev.arena.cli;

import dev.arena.leaderboard.LeaderboardTable;
import dev.arena.leaderboard.ScheduledResult;
import dev.arena.output.LeaderboardJson;
import dev.arena.output.LeaderboardMarkdown;
import dev.arena.output.LeaderboardText;
import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.output.TextSink;
import dev.arena.store.StoreException;
import dev.arena.store.StoreLocation;
import dev.arena.store.StoreReader;
import dev.arena.store.StoredTournaments;
import dev.arena.text.TerminalJson;
import dev.arena.tournament.TournamentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code arena leaderboard}: the ratings of the tournaments in the store, as a table, Markdown or JSON. */
@Command(addMethodSubcommands = false, name = "leaderboard", sortOptions = false, mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success, also when no tournament has been run yet (said on stderr)",
            LogsCommand.HELP_1, "2:usage error (a bad flag or value, or no tournament of that name)", LogsCommand.HELP_3},
        description = {"Print the ratings of a tournament: the one run most recently, the ones named (their results "
                + "pooled), or --all of them.",
            "Bradley-Terry ratings on an Elo scale (mean 1500) with 95%% intervals from a bootstrap of the side-swapped "
                + "pairs; a rank is 1 plus the number of models whose interval lies wholly above. A debate is rated "
                + "when it is complete and no fallback model spoke for a fighter; those where one spoke are counted "
                + "as left out. Cost per debate is what a model's own turns cost over its rated debates."})
final class LeaderboardCommand implements Callable<Integer>, JsonErrorEvents {

    /** The seed of a pooled leaderboard, whose tournaments may have been run with different ones. */
    static final long POOLED_SEED = 1;

    @ParentCommand
    ArenaCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*",
            description = "The tournaments to rate, their results pooled (default: the one run most recently).")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Pool the results of every tournament in the store.")
    boolean all;

    @Option(names = "--json", description = "One JSON object: {\"tournament\": ..., \"models\": [...], \"warnings\": [...]}.")
    boolean json;

    @Option(names = "--markdown", description = "A Markdown table.")
    boolean markdown;

    @Option(names = "--seed", paramLabel = "N", converter = OptionConverters.Seed.class,
            description = "Seeds the bootstrap of the intervals (default: the tournament's own seed; "
                    + POOLED_SEED + " when pooled).")
    Long seed;

    @Mixin
    StoreFileOption store;

    @Override
    public void errorEvent(String sentence, int exitCode) {
        OutputOptions.answerErrorEvent(root.stdio(), sentence, exitCode);
    }

    /** A failure in one sentence on stderr, and with --json as an error event on stdout too. */
    private int fail(TextSink err, String sentence, int exitCode) {
        err.write("arena: " + sentence + "\n").flush();
        if (json) {
            errorEvent(sentence, exitCode);
        }
        return exitCode;
    }

    @Override
    public Integer call() {
        if (all && !names.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give tournament names or --all, not both");
        }
        if (json && markdown) {
            throw new ParameterException(spec.commandLine(), "--json and --markdown cannot be combined: give one, or neither for a table");
        }
        Stdio io = root.stdio();
        TextSink err = TextSink.stderr(io.err());
        Path file = store.file(io);
        LeaderboardTable table;
        try (StoreReader reader = StoreReader.open(file, StoreLocation.cacheDir(io.env(), CatalogOptions.home(io))).orElse(null)) {
            StoredTournaments tournaments = reader == null ? null : new StoredTournaments(reader.connection(), file);
            List<StoredTournaments.Tournament> stored = tournaments == null ? List.of() : tournaments.all();
            if (stored.isEmpty() && names.isEmpty()) {
                err.write("arena: no tournament has been run yet (the store is " + file + "); start one with arena tournament\n")
                        .flush();
                return ExitCode.OK;
            }
            List<StoredTournaments.Tournament> chosen = chosen(stored);
            if (chosen.size() < new LinkedHashSet<>(names).size()) {
                return fail(err, unknown(stored, file), ExitCode.USAGE);
            }
            List<ScheduledResult> results = new ArrayList<>();
            for (StoredTournaments.Tournament t : chosen) {
                results.addAll(tournaments.results(t.name()));
            }
            table = LeaderboardTable.of(chosen.stream().map(StoredTournaments.Tournament::name).toList(), results,
                    seed(chosen));
        } catch (StoreException e) {
            return fail(err, e.getMessage(), ExitCode.CONFIG);
        }
        TextSink out = TextSink.stdout(io.out());
        try {
            if (json) {
                String text = LeaderboardJson.of(table).toString();
                out.write((io.stdoutIsTerminal() ? TerminalJson.escape(text) : text) + "\n");
            } else if (markdown) {
                out.write(LeaderboardMarkdown.of(table));
            } else {
                LeaderboardText.lines(table).forEach(line -> out.write(line + "\n"));
            }
            out.flush();
        } catch (OutputClosedException e) {
            return ExitCode.OK; // | head: the reader has what it wanted.
        } catch (OutputFailedException e) {
            return ModelsCommand.cannotWrite(err, e);
        }
        return ExitCode.OK;
    }

    /** The tournaments to rate: those named that are stored, in the order named; every one for --all; else the latest. */
    private List<StoredTournaments.Tournament> chosen(List<StoredTournaments.Tournament> stored) {
        if (all) {
            return stored;
        }
        if (names.isEmpty()) {
            return List.of(stored.get(stored.size() - 1)); // all() has the one run most recently last
        }
        List<StoredTournaments.Tournament> chosen = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            stored.stream().filter(t -> t.name().equals(name)).findFirst().ifPresent(chosen::add);
        }
        return chosen;
    }

    /** The first name not stored, and those that are. */
    private String unknown(List<StoredTournaments.Tournament> stored, Path file) {
        List<String> known = stored.stream().map(StoredTournaments.Tournament::name).toList();
        String name = names.stream().filter(n -> !known.contains(n)).findFirst().orElseThrow();
        return "there is no tournament " + name + " in " + file
                + (known.isEmpty() ? "" : " (it has " + String.join(", ", known) + ")");
    }

    /** --seed, else the tournament's own (which seeded its schedule too), else the pooled one. */
    private long seed(List<StoredTournaments.Tournament> chosen) {
        if (seed != null) {
            return seed;
        }
        if (chosen.size() == 1) {
            StoredTournaments.Tournament t = chosen.get(0);
            return TournamentSpec.fromJson(t.name(), t.settings()).seed();
        }
        return POOLED_SEED;
    }
}
