package dev.arena.cli;

import dev.arena.catalog.Aliases;
import dev.arena.catalog.ModelCheck;
import dev.arena.config.ConfigKey;
import dev.arena.debate.DebateSetup;
import dev.arena.debate.InvalidSettingsException;
import dev.arena.files.Fnv1a;
import dev.arena.files.FileErrors;
import dev.arena.files.TextFiles;
import dev.arena.files.UnreadableTextException;
import dev.arena.output.TextSink;
import dev.arena.tournament.TournamentSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code arena tournament}: every pair of models debates every motion twice, sides swapped,
 * judged by a panel; the results are rated. The command reads what the user asked for into a
 * {@link TournamentSpec}; {@link TournamentRun} runs it.
 */
@Command(addMethodSubcommands = false, name = "tournament", sortOptions = false, mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, ExitCode.HELP_TOURNAMENT_1, ExitCode.HELP_2, ExitCode.HELP_3,
            ExitCode.HELP_BUDGET, ExitCode.HELP_130, ExitCode.HELP_143},
        description = {"Many models debate many motions: every pair on every motion, twice with the sides swapped,",
            "judged by a panel, then rated (Bradley-Terry, with bootstrap intervals).",
            "Everything is kept in the store as it happens: run the same command again, or --resume NAME, to go on."})
final class TournamentCommand implements Callable<Integer>, JsonErrorEvents {

    static final int DEFAULT_CONCURRENCY = 4;
    static final int MAX_CONCURRENCY = 64;
    /** A motions file holds sentences: a megabyte is thousands of them, and no mistaken binary gets far. */
    static final int MOTIONS_LIMIT = 1 << 20;

    @ParentCommand
    ArenaCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--models", split = ",", paramLabel = "MODEL",
            description = "The models that fight, two or more, comma-separated (aliases allowed).")
    List<String> models = new ArrayList<>();

    /** One of the two ways to give motions. */
    static final class Motions {
        @Option(names = "--motion", paramLabel = "TEXT", description = "A motion to debate; repeatable.")
        List<String> motions = new ArrayList<>();

        @Option(names = "--motions", paramLabel = "FILE", description = "A file of motions, one per line (# starts a comment).")
        Path file;
    }

    @ArgGroup(exclusive = true)
    Motions motions;

    @Option(names = "--judges", split = ",", paramLabel = "MODEL",
            description = "The judge panel, comma-separated; three from different families is best (default: the configured judge).")
    List<String> judges = new ArrayList<>();

    @Mixin
    DebateShapeOptions shape;

    @Option(names = "--fallback", split = ",", paramLabel = "MODEL",
            description = "Fallback models for every fighter; a debate where one spoke is left out of the ratings.")
    List<String> fallbacks = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "K", converter = OptionConverters.WholeNumber.class, defaultValue = "" + DEFAULT_CONCURRENCY,
            description = "Debates run at once, 1 to " + MAX_CONCURRENCY + " (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--budget", paramLabel = "USD", converter = OptionConverters.Budget.class,
            description = "Start no request that could take the spending past USD dollars (needs catalogue prices).")
    Double budget;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The tournament's name in the store (default: made from its settings, so the same command resumes it).")
    String name;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", converter = OptionConverters.Seed.class,
            description = "Shuffles the schedule and seeds the rating intervals (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resume", paramLabel = "NAME", description = "Go on with a stored tournament, with its settings.")
    String resume;

    @Option(names = "--extend", description = "Add the models or motions given to the stored tournament, and play only the new pairings.")
    boolean extend;

    @Option(names = "--dry-run", description = "Print the schedule, its requests and an upper bound of its cost; needs no key.")
    boolean dryRun;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    StoreFileOption store;

    @Mixin
    OutputOptions output;

    @Mixin
    ModelCheckOptions modelCheck;

    @Override
    public void errorEvent(String sentence, int exitCode) {
        new TournamentJsonEvents(TextSink.stdout(root.stdio().out()), root.stdio().stdoutIsTerminal(), Clock.systemUTC())
                .error(sentence, exitCode);
    }

    @Override
    public Integer call() throws ConfigException {
        Stdio io = root.stdio();
        TextSink err = TextSink.stderr(io.err());
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new ParameterException(spec.commandLine(), "--concurrency must be between 1 and " + MAX_CONCURRENCY);
        }
        TournamentRun run = new TournamentRun(io, err, output, store.file(io), concurrency, budget, spec.commandLine());
        if (resume != null && (!models.isEmpty() || motions != null || extend)) {
            throw new ParameterException(spec.commandLine(),
                    "--resume goes on with the stored settings; to add models or motions, give the whole command with --extend");
        }
        TournamentSpec wanted = resume != null ? run.stored(resume) : spec(io);
        if (dryRun) {
            modelCheck.checkCached(io, err, output.quiet(), connection.baseUri(), requested(wanted));
            return run.dryRun(wanted, connection.baseUri(), extend);
        }
        Connection conn = connection.connect(io, err, Integer.MAX_VALUE);
        checkModels(conn, wanted);
        return run.start(wanted, extend, conn);
    }

    /** Every id the tournament may ask checked against the catalogue, before anything is spent. */
    private void checkModels(Connection conn, TournamentSpec tournament) {
        Stdio io = root.stdio();
        modelCheck.check(io, TextSink.stderr(io.err()), output.quiet(), conn.settings().baseUrl(), conn.settings().apiKey(),
                requested(tournament));
    }

    private static List<ModelCheck.Requested> requested(TournamentSpec tournament) {
        List<ModelCheck.Requested> ids = new ArrayList<>(ModelCheck.requested("--models", tournament.models()));
        ids.addAll(ModelCheck.requested("--fallback", tournament.fallbacks()));
        ids.addAll(ModelCheck.requested("--judges", tournament.judges()));
        return ids;
    }

    private TournamentSpec spec(Stdio io) {
        Aliases aliases = root.aliases();
        List<String> fighters = resolved(aliases, models);
        if (fighters.size() < 2) {
            throw new ParameterException(spec.commandLine(), "--models needs two or more different models");
        }
        List<String> motionList = motionList();
        List<String> panel = resolved(aliases, judges.isEmpty() ? configuredJudge(io) : judges);
        if (panel.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "a tournament needs a judge: --judges MODEL[,MODEL...], or judge= in the config file");
        }
        List<String> shared = resolved(aliases, fallbacks);
        try {
            // The same checks as a debate's, on the first debate of the schedule.
            new DebateSetup(aliases).topic(List.of(motionList.get(0))).pro(fighters.get(0), List.of())
                    .con(fighters.get(1), List.of()).sharedFallbacks(shared).rounds(shape.rounds)
                    .temperature(shape.temperature).maxTokens(shape.maxTokens).build();
        } catch (InvalidSettingsException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        TournamentSpec unnamed = new TournamentSpec("unnamed", fighters, motionList, panel, shared, shape.rounds,
                shape.temperature, shape.maxTokens, seed);
        String tournamentName = name != null ? name.strip() : defaultName(unnamed);
        if (tournamentName.isEmpty() || tournamentName.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new ParameterException(spec.commandLine(), "--name must be a name without control characters");
        }
        return new TournamentSpec(tournamentName, fighters, motionList, panel, shared, shape.rounds, shape.temperature,
                shape.maxTokens, seed);
    }

    /**
     * A name made from the settings, so the same command finds the same tournament again; with
     * --extend the models and motions differ, so --name (or --resume's) must say which one grows.
     */
    private String defaultName(TournamentSpec unnamed) {
        if (extend) {
            throw new ParameterException(spec.commandLine(), "--extend needs --name NAME: the tournament to add to");
        }
        return "t-" + Fnv1a.hex(unnamed.toJson()).substring(0, 8);
    }

    private List<String> motionList() {
        if (motions == null) {
            throw new ParameterException(spec.commandLine(), "a tournament needs motions: --motion TEXT (repeatable) or --motions FILE");
        }
        List<String> lines = new ArrayList<>();
        if (motions.file != null) {
            try {
                for (String line : TextFiles.read(motions.file, MOTIONS_LIMIT, "the motions file " + motions.file).split("\\R")) {
                    String motion = line.strip();
                    if (!motion.isEmpty() && !motion.startsWith("#")) {
                        lines.add(motion);
                    }
                }
            } catch (UnreadableTextException e) {
                throw new ParameterException(spec.commandLine(), "--motions: " + e.getMessage());
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--motions: cannot read " + motions.file + " ("
                        + FileErrors.reason(e) + ")");
            }
        } else {
            motions.motions.stream().map(String::strip).filter(m -> !m.isEmpty()).forEach(lines::add);
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(lines));
        if (distinct.isEmpty()) {
            throw new ParameterException(spec.commandLine(), motions.file != null
                    ? "--motions: " + motions.file + " has no motion" : "--motion must not be empty");
        }
        return distinct;
    }

    /**
     * The configured judge ($ARENA_JUDGE, else judge= in the config file): its first model, a
     * panel of one; none when $ARENA_JUDGE is set empty, which overrides the file as for a debate.
     */
    private List<String> configuredJudge(Stdio io) {
        String value = io.env().get(ConfigKey.JUDGE.envName());
        if (value == null) {
            value = root.config().get(ConfigKey.JUDGE).map(entry -> entry.value()).orElse("");
        }
        return List.of(value.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).limit(1).toList();
    }

    private static List<String> resolved(Aliases aliases, List<String> ids) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        ids.stream().map(String::strip).filter(s -> !s.isEmpty()).map(aliases::resolve).forEach(out::add);
        return List.copyOf(out);
    }
}
