package dev.arena.cli;

import dev.arena.catalog.Catalog;
import dev.arena.catalog.CatalogCache;
import dev.arena.debate.Debate;
import dev.arena.leaderboard.LeaderboardTable;
import dev.arena.output.LeaderboardText;
import dev.arena.output.LeaderboardJson;
import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.output.TextSink;
import dev.arena.resilience.Answerer;
import dev.arena.store.RequestRecorder;
import dev.arena.store.StoreException;
import dev.arena.store.StoreLocation;
import dev.arena.store.StoreReader;
import dev.arena.store.StoreWriter;
import dev.arena.store.StoredTournaments;
import dev.arena.store.TournamentRecorder;
import dev.arena.terminal.Terminals;
import dev.arena.terminal.TournamentStatusLine;
import dev.arena.openrouter.Cancellation;
import dev.arena.tournament.Budget;
import dev.arena.tournament.CostBound;
import dev.arena.tournament.Families;
import dev.arena.tournament.Group;
import dev.arena.tournament.Leg;
import dev.arena.tournament.PlannedDebate;
import dev.arena.tournament.Schedule;
import dev.arena.tournament.TournamentEnd;
import dev.arena.tournament.TournamentListener;
import dev.arena.tournament.TournamentRunner;
import dev.arena.tournament.TournamentSpec;
import dev.arena.tournament.TournamentStatus;
import org.jline.terminal.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs a tournament in the store: finds it or makes it, refuses changed settings, schedules
 * what is new, runs what is left, records how the run ended, and turns that into an exit code
 * and one sentence that says how to go on. A tournament always records: the store is its memory.
 */
final class TournamentRun {

    private final Stdio io;
    private final TextSink err;
    private final OutputOptions output;
    private final Path storeFile;
    private final int concurrency;
    private final Double budget;
    private final CommandLine commandLine;

    TournamentRun(Stdio io, TextSink err, OutputOptions output, Path storeFile, int concurrency, Double budget,
                  CommandLine commandLine) {
        this.io = io;
        this.err = err;
        this.output = output;
        this.storeFile = storeFile;
        this.concurrency = concurrency;
        this.budget = budget;
        this.commandLine = commandLine;
    }

    private Path cacheDir() {
        return StoreLocation.cacheDir(io.env(), CatalogOptions.home(io));
    }

    /** The settings tournament {@code name} was started with. */
    TournamentSpec stored(String name) throws ConfigException {
        try (StoreReader reader = StoreReader.open(storeFile, cacheDir()).orElse(null)) {
            StoredTournaments store = reader == null ? null : new StoredTournaments(reader.connection(), storeFile);
            Optional<StoredTournaments.Tournament> found = store == null ? Optional.empty() : store.find(name);
            if (found.isEmpty()) {
                List<String> names = store == null ? List.of()
                        : store.all().stream().map(StoredTournaments.Tournament::name).toList();
                throw new ParameterException(commandLine, "there is no tournament " + name + " in " + storeFile
                        + (names.isEmpty() ? "" : "; it has " + String.join(", ", names)));
            }
            return TournamentSpec.fromJson(name, found.get().settings());
        } catch (StoreException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The schedule, its requests and the most it may cost at the cached catalogue's prices; nothing is sent. */
    int dryRun(TournamentSpec spec, URI base, boolean extend) {
        Schedule schedule = Schedule.of(spec.models(), spec.motions(), spec.seed());
        CostBound bound = new CostBound(CatalogCache.readCached(CatalogOptions.cacheDirectory(io), base).orElse(null));
        TextSink out = TextSink.stdout(io.out());
        out.write("Tournament " + spec.name() + ": " + spec.models().size() + " models, " + spec.motions().size()
                + " motion" + (spec.motions().size() == 1 ? "" : "s") + ", " + schedule.groups().size() + " group"
                + (schedule.groups().size() == 1 ? "" : "s") + ", "
                + schedule.debates().size() + " debates of " + spec.rounds() + " round" + (spec.rounds() == 1 ? "" : "s")
                + ", " + schedule.requests(spec.rounds(), spec.judges()) + " requests (retries and fallbacks aside)\n");
        out.write("Judges: " + String.join(", ", spec.judges()) + (extend
                ? "; listed is the whole schedule once extended, and a run plays only the pairings the stored one lacks" : "") + "\n\n");
        double total = 0;
        boolean priced = true;
        int n = 0;
        for (Leg leg : schedule.debates()) {
            List<String> panel = Families.panel(spec.judges(), leg.pro(), leg.con());
            Optional<Double> most = bound.debate(spec, leg, panel, schedule.motion(leg.motion()));
            priced &= most.isPresent();
            total += most.orElse(0.0);
            out.write(String.format(Locale.ROOT, "%4d. %s (pro) vs %s (con) on \"%s\"; judged by %s%s%n", ++n, leg.pro(), leg.con(),
                    schedule.motion(leg.motion()), String.join(", ", panel),
                    most.map(c -> String.format(Locale.ROOT, "; at most $%.4f", c)).orElse("")));
        }
        out.write("\n" + (priced
                ? String.format(Locale.ROOT, "At most $%.2f at catalogue prices (every turn at its max tokens).%n", total)
                : "The cost is unknown: the cached catalogue has no price for "
                  + String.join(", ", bound.unpriced(allModels(spec))) + " (arena models fetches the catalogue).\n"));
        out.flush();
        return ExitCode.OK;
    }

    int start(TournamentSpec wanted, boolean extend, Connection conn) throws ConfigException {
        Catalog catalog = CatalogCache.readCached(CatalogOptions.cacheDirectory(io), conn.settings().baseUrl()).orElse(null);
        CostBound bound = new CostBound(catalog);
        try (StoredTournaments store = StoredTournaments.open(storeFile, cacheDir())) {
            Optional<StoredTournaments.Tournament> existing = store.find(wanted.name());
            TournamentSpec spec = wanted;
            TournamentSpec before = null;
            if (existing.isPresent()) {
                before = TournamentSpec.fromJson(wanted.name(), existing.get().settings());
                String refusal = wanted.refusalToResume(before, extend);
                if (refusal != null) {
                    throw new ParameterException(commandLine, refusal);
                }
                spec = extend ? wanted : before;
            } else if (extend) {
                throw new ParameterException(commandLine, "there is no tournament " + wanted.name()
                        + " to extend; leave out --extend to start it");
            }
            Double limit = budget != null ? budget : existing.map(StoredTournaments.Tournament::budget).orElse(null);
            if (limit != null) {
                List<String> unpriced = bound.unpriced(allModels(spec));
                if (!unpriced.isEmpty()) {
                    throw new ParameterException(commandLine, "--budget needs a price for every model, and the catalogue of "
                            + conn.settings().baseUrl().getHost() + " has none for " + String.join(", ", unpriced));
                }
            }
            try {
                store.claim(spec.name(), spec.toJson(), limit, Instant.now());
            } catch (StoreException e) {
                return stop(e.getMessage(), ExitCode.USAGE);
            }
            schedule(store, spec, before);
            List<PlannedDebate> plan = plan(store, spec);
            Budget money = limit == null ? Budget.unlimited(store.spent(spec.name()))
                    : new Budget(limit, store.spent(spec.name()));
            TournamentEnd end = run(store, spec, plan, conn, bound, money);
            store.end(spec.name(), end.status(), end.reason(), Instant.now());
            printLeaderboard(store, spec);
            return report(spec, end);
        } catch (StoreException e) {
            throw new ConfigException("a tournament keeps everything in the store, and " + e.getMessage());
        }
    }

    /**
     * Puts what is new in the store's schedule: every debate of a new tournament, or the pairings
     * an --extend adds after the groups already there.
     */
    private static void schedule(StoredTournaments store, TournamentSpec spec, TournamentSpec before) throws StoreException {
        List<StoredTournaments.Entry> stored = store.entries(spec.name());
        Schedule schedule = before == null ? Schedule.of(spec.models(), spec.motions(), spec.seed())
                : Schedule.of(before.models(), before.motions(), before.seed()).extend(spec.models(), spec.motions());
        Set<Group> known = new HashSet<>();
        stored.forEach(e -> known.add(e.leg().group()));
        int position = stored.stream().mapToInt(StoredTournaments.Entry::position).max().orElse(-1);
        List<StoredTournaments.Entry> added = new ArrayList<>();
        for (Group group : schedule.groups()) {
            if (known.add(group)) {
                position++;
                for (Leg leg : group.legs()) {
                    added.add(StoredTournaments.Entry.pending(leg, position, schedule.motion(group.motion())));
                }
            }
        }
        if (!added.isEmpty()) {
            store.schedule(spec.name(), added);
        }
    }

    /** Every scheduled debate, with what earlier runs kept of those begun. */
    private static List<PlannedDebate> plan(StoredTournaments store, TournamentSpec spec) throws StoreException {
        List<PlannedDebate> plan = new ArrayList<>();
        for (StoredTournaments.Entry e : store.entries(spec.name())) {
            boolean begun = e.debateId() != null && e.state() != dev.arena.tournament.DebateState.COMPLETE;
            plan.add(new PlannedDebate(e.leg(), e.motion(), e.debateId(), e.state(),
                    begun ? store.spokenTurns(e.debateId()) : List.of(), begun ? store.readings(e.debateId()) : List.of()));
        }
        return plan;
    }

    private TournamentEnd run(StoredTournaments store, TournamentSpec spec, List<PlannedDebate> plan, Connection conn,
                              CostBound bound, Budget money) {
        StoreWriter writer = new StoreWriter(storeFile, cacheDir(), Duration.ZERO);
        try {
            RequestRecorder requests = new RequestRecorder(writer, conn.redactor());
            Answerer answerer = conn.chain().recordingTo(requests)
                    .pricedWith(CatalogOptions.cachedPrices(io, conn.settings().baseUrl()))
                    .cuttingAnswersAt(Debate.TURN_TEXT_LIMIT);
            TournamentRecorder log = new TournamentRecorder(writer, conn.redactor(), spec.name(), requests);
            // Every model is priced when there is a limit (checked above); without one the bound only counts.
            TournamentRunner runner = new TournamentRunner(spec, plan, answerer, log, view(store, spec), concurrency, money,
                    p -> bound.debate(spec, p.leg(), Families.panel(spec.judges(), p.leg().pro(), p.leg().con()), p.motion())
                            .orElse(0.0));
            Cancellation cancel = new Cancellation();
            TournamentEnd end;
            try (StopSignals ignored = StopSignals.cancel(cancel)) {
                end = runner.run(cancel);
            }
            if (runner.accountProblem() != null) {
                String sentence = conn.failures().exit(runner.accountProblem()).sentence().orElse("");
                accountSentence = conn.redactor().redact(sentence);
            }
            if (runner.viewFailure() != null) {
                viewExit = conn.failures().exit(runner.viewFailure());
            }
            return end;
        } finally {
            StoreOptions.finish(writer, err);
        }
    }

    /** The 401 or 402 that stopped the run, as the user reads it. */
    private String accountSentence;
    /** How a view that failed stopped the run: quietly for a reader of stdout that went away (| head). */
    private FailureMapper.Exit viewExit;

    /** The --json stream when it is the view: the end of the run is told there too. */
    private TournamentJsonEvents json;

    /**
     * JSON events with --json; else a line per finished debate on stdout, under a live status
     * on stderr when stderr is a terminal (not with -q), even when stdout is a pipe.
     */
    private TournamentListener view(StoredTournaments store, TournamentSpec spec) {
        TextSink out = TextSink.stdout(io.out());
        if (output.json) {
            json = new TournamentJsonEvents(out, io.stdoutIsTerminal(), Clock.systemUTC());
            // Every result is committed when the run ends (the runner syncs after each debate).
            json.leaderboardFrom(() -> LeaderboardJson.of(leaderboard(store, spec)));
            return json;
        }
        TournamentListener lines = new TournamentLines(out);
        if (!io.stderrIsTerminal() || output.quiet()) {
            return lines;
        }
        Terminal terminal = Terminals.openStderr();
        return new TournamentStatusLine(lines, TextSink.stderr(io.err()), terminal::getWidth, output.color(io));
    }

    /**
     * The ratings as they stand, however the run ended: after a stop they rate what was played.
     * Not with --json, whose events carry them.
     */
    private void printLeaderboard(StoredTournaments store, TournamentSpec spec) {
        if (output.json) {
            return;
        }
        TextSink out = TextSink.stdout(io.out());
        try {
            LeaderboardTable table = leaderboard(store, spec);
            out.write("\n");
            LeaderboardText.lines(table).forEach(line -> out.write(line + "\n"));
            out.flush();
        } catch (OutputClosedException e) {
            // | head: the reader has what it wanted; the exit code still tells how the run ended.
        } catch (OutputFailedException | StoreException e) {
            // The run itself is recorded: its report and exit code matter more than the table.
            say(e.getMessage() + "; the leaderboard is not complete (arena leaderboard " + spec.name() + " prints it again)");
        }
    }

    private static LeaderboardTable leaderboard(StoredTournaments store, TournamentSpec spec) throws StoreException {
        return LeaderboardTable.of(List.of(spec.name()), store.results(spec.name()), spec.seed());
    }

    private int report(TournamentSpec spec, TournamentEnd end) {
        String done = end.complete() + " of " + end.total() + " debates are done";
        String resume = "arena tournament --resume " + spec.name();
        String spent = String.format(Locale.ROOT, "$%.4f spent", end.spent());
        switch (end.status()) {
            case COMPLETE:
                return ExitCode.OK;
            case BUDGET:
                return stop(end.reason() + "; " + spent + "; " + done + "; to finish it, resume with a larger budget: "
                        + resume + " --budget USD", ExitCode.BUDGET);
            case INTERRUPTED:
                if (viewExit != null) {
                    return viewExit.sentence().map(sentence -> stop(sentence + "; the tournament stopped; " + done
                            + "; to go on: " + resume, viewExit.code())).orElse(viewExit.code());
                }
                return stop("interrupted; " + done + " (" + spent + "); to go on: " + resume, ExitCode.INTERRUPTED);
            default:
                if (accountSentence != null) {
                    return stop(accountSentence + "; " + done + "; to go on once it is fixed: " + resume, ExitCode.CONFIG);
                }
                return stop(end.reason() + " (arena logs shows why); " + done + "; to try them again: " + resume,
                        ExitCode.FAILED);
        }
    }

    /**
     * The run stopped short, or could not start: the sentence on stderr, and with --json as an
     * error event too (on a stream of its own when the run never had one).
     */
    private int stop(String sentence, int exitCode) {
        say(sentence);
        if (output.json) {
            TournamentJsonEvents events = json != null ? json
                    : new TournamentJsonEvents(TextSink.stdout(io.out()), io.stdoutIsTerminal(), Clock.systemUTC());
            try {
                events.error(sentence, exitCode);
            } catch (OutputClosedException | OutputFailedException e) {
                // The reader of stdout went away; stderr and the exit code still tell.
            }
        }
        return exitCode;
    }

    private static List<String> allModels(TournamentSpec spec) {
        return Stream.of(spec.models(), spec.fallbacks(), spec.judges()).flatMap(List::stream).distinct().toList();
    }

    private void say(String sentence) {
        try {
            err.write("arena: " + sentence + "\n").flush();
        } catch (OutputClosedException | OutputFailedException e) {
            // Nowhere left to say it; the exit code still tells.
        }
    }
}
