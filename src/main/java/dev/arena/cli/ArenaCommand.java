package dev.arena.cli;

import dev.arena.catalog.Aliases;
import dev.arena.config.ConfigFile;
import dev.arena.config.ConfigFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The root command: only groups the subcommands and documents what they share. Every command
 * and mixin class says {@code addMethodSubcommands = false}: arena has no method subcommands,
 * and picocli would otherwise read the annotations of every method of every class to find
 * some, at every start.
 */
@Command(addMethodSubcommands = false, name = "arena",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Streams LLM answers from OpenRouter or any OpenAI-compatible server, with model fallback.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, ExitCode.HELP_1, ExitCode.HELP_2, ExitCode.HELP_3, ExitCode.HELP_130, ExitCode.HELP_143},
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  OPENROUTER_API_KEY  the API key (or --api-key-file FILE; never an argument)",
            "  ARENA_BASE_URL      default for --base-url",
            "  ARENA_<KEY>         default for a config key, e.g. ARENA_MODEL, ARENA_MAX_TOKENS",
            "  ARENA_DB            the store's file (default ~/.local/share/arena/arena.db)",
            "  ARENA_LOG           false: keep no record of requests in the store (like --no-log)",
            "  NO_COLOR            when set, no colours",
            "  ARENA_JAVA_OPTS     extra JVM options for the bin/arena launcher",
            "",
            // Lines under 80 columns: picocli wraps a longer footer line by its own rules, which
            // cut a path such as ~/.config after its dot.
            "Config file: $XDG_CONFIG_HOME/arena/config.properties",
            "(default ~/.config/arena/config.properties), one key=value a line, # for",
            "comments. Flags beat environment variables beat the file beat built-in",
            "defaults. Keys: base-url, model, fallback, pro, con, judge, rounds,",
            "temperature, max-tokens, rate-limit, idle-timeout, retries, color",
            "(true/false), api-key-file, log (true/false), db, and alias.NAME=MODEL for",
            "your own model aliases (see: arena models --aliases).",
            "The API key is never read from the file: use OPENROUTER_API_KEY or",
            "api-key-file."})
public final class ArenaCommand {

    /**
     * The subcommands, made on demand: building a command's picocli model reflects over all
     * its options, and a run needs only the one it runs (measured: about a third of the
     * start-up of {@code arena chat}).
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("chat", ChatCommand::new);
        all.put("debate", DebateCommand::new);
        all.put("demo", DemoCommand::new);
        all.put("models", ModelsCommand::new);
        all.put("tournament", TournamentCommand::new);
        all.put("leaderboard", LeaderboardCommand::new);
        all.put("replay", ReplayCommand::new);
        all.put("logs", LogsCommand::new);
        return all;
    }

    /** picocli refuses a narrower help. */
    static final int MIN_HELP_WIDTH = 55;

    private Stdio stdio;
    private ConfigFile config;
    private ConfigFileException configError;

    /** The streams the subcommands read and write; the real ones unless a test gave others. */
    Stdio stdio() {
        if (stdio == null) {
            stdio = Stdio.system();
        }
        return stdio;
    }

    /** The config file as read at start-up; empty when there is none (or it could not be used). */
    ConfigFile config() {
        if (config == null) {
            config = ConfigFile.empty(ConfigFile.location(stdio().env(), CatalogOptions.home(stdio())));
        }
        return config;
    }

    /** The built-in model aliases and the config file's, which win. */
    Aliases aliases() {
        Map<String, String> user = new LinkedHashMap<>();
        config().aliases().forEach((name, entry) -> user.put(name, entry.value()));
        return Aliases.builtIn().with(user, config().path().toString());
    }

    /** The fully wired command line, as {@code main} and the tests run it. */
    public static CommandLine commandLine(Stdio stdio, String... args) {
        ArenaCommand root = new ArenaCommand();
        root.stdio = stdio;
        Path file = ConfigFile.location(stdio.env(), CatalogOptions.home(stdio));
        try {
            root.config = ConfigFile.load(file);
        } catch (ConfigFileException e) {
            root.configError = e;
            root.config = ConfigFile.empty(file);
        }
        CommandLine cl = withSubcommands(new CommandLine(root), args);
        if (asksForHelp(args) && (stdio.stdoutIsTerminal() || stdio.env().containsKey("COLUMNS"))) {
            // After the subcommands are added, so that they get the width too.
            cl.setUsageHelpWidth(Math.max(MIN_HELP_WIDTH, ModelsCommand.width(stdio)));
        }
        cl.setDefaultValueProvider(new ConfigDefaults(stdio.env(), root.config));
        cl.setExecutionStrategy(root::execute);
        cl.setOut(new PrintWriter(new OutputStreamWriter(stdio.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(stdio.err(), StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler(ErrorHandlers::usageError);
        cl.setExecutionExceptionHandler(ErrorHandlers::escaped);
        return cl;
    }

    /**
     * Whether the help may be printed: {@code arena} alone or a help flag. Only then is the
     * terminal asked its width (opening it costs), so that the help wraps at the terminal's
     * width rather than picocli's fixed 80 columns; on a pipe it stays 80, unless $COLUMNS says.
     */
    private static boolean asksForHelp(String... args) {
        return args.length == 0 || Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help"));
    }

    /**
     * Help first (it works whatever the config says), then a config file that cannot be used
     * stops everything; then its warnings and those about exposed keys; then the command.
     */
    private int execute(ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        PrintWriter err = parsed.commandSpec().commandLine().getErr();
        if (configError != null && runsDemo(parsed)) {
            // The demo uses nothing of the file's but colour: a file that cannot be used must
            // not stop a newcomer's first run, but is not passed over in silence either.
            err.println("arena: warning: " + configError.getMessage() + "; the demo runs without the config file");
        } else if (configError != null) {
            err.println("arena: " + configError.getMessage());
            err.flush();
            return ExitCode.CONFIG;
        }
        config.warnings().forEach(w -> err.println("arena: warning: " + w));
        config.keyExposureWarning().ifPresent(w -> err.println("arena: warning: " + w));
        keyFile(parsed).filter(f -> Files.isRegularFile(f) && ConfigFile.readableByOthers(f)).ifPresent(f ->
                err.println("arena: warning: the key file " + f + " is readable by other users; run: chmod 600 " + f));
        err.flush();
        return new CommandLine.RunLast().execute(parsed);
    }

    private static boolean runsDemo(ParseResult parsed) {
        return parsed.subcommand() != null && parsed.subcommand().commandSpec().userObject() instanceof DemoCommand;
    }

    /** The --api-key-file in effect for the command that runs (from the flag, environment or config file). */
    private static java.util.Optional<Path> keyFile(ParseResult parsed) {
        java.util.List<ParseResult> chain = new java.util.ArrayList<>();
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            chain.add(0, p); // the command that runs first, then its parents
        }
        for (ParseResult p : chain) {
            OptionSpec option = p.commandSpec().findOption("--api-key-file");
            if (option != null && option.getValue() != null) {
                return java.util.Optional.of(option.<Path>getValue());
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Adds the subcommands {@code args} can reach: the one named, if any; none for a bare
     * {@code --version}; all of them otherwise, for the help and for "did you mean" on a
     * mistyped command. Subcommands are added before anything is set on {@code cl}, so
     * picocli hands the settings down to them.
     */
    static CommandLine withSubcommands(CommandLine cl, String... args) {
        for (String arg : args) {
            if (SUBCOMMANDS.containsKey(arg)) {
                return cl.addSubcommand(arg, SUBCOMMANDS.get(arg).get());
            }
        }
        boolean versionOnly = args.length > 0 && Arrays.stream(args).allMatch(a -> a.equals("-V") || a.equals("--version"));
        if (!versionOnly) {
            SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        return cl;
    }
}
