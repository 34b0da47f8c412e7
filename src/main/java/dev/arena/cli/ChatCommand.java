package dev.arena.cli;

import dev.arena.catalog.CachedModelNames;
import dev.arena.catalog.ModelCheck;
import dev.arena.files.FileErrors;
import dev.arena.files.TextFiles;
import dev.arena.files.UnreadableTextException;
import dev.arena.output.AnswerView;
import dev.arena.output.TextSink;
import dev.arena.catalog.CostEstimator;
import dev.arena.repl.ChatSession;
import dev.arena.resilience.FallbackChain;
import dev.arena.resilience.RequestTag;
import dev.arena.store.RequestRecorder;
import dev.arena.store.StoreWriter;
import dev.arena.repl.NotAChatException;
import dev.arena.repl.NothingToContinueException;
import dev.arena.repl.Repl;
import dev.arena.repl.SessionBusyException;
import dev.arena.repl.SessionChoice;
import dev.arena.repl.SessionStart;
import dev.arena.repl.SessionStore;
import dev.arena.repl.StoredSessions;
import dev.arena.store.StoreException;
import dev.arena.store.StoreLocation;
import dev.arena.terminal.Terminals;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/** {@code arena chat}: one prompt, one streamed answer, with fallback. */
@Command(addMethodSubcommands = false, name = "chat", sortOptions = false, mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, ExitCode.HELP_1, ExitCode.HELP_2, ExitCode.HELP_3, ExitCode.HELP_130, ExitCode.HELP_143},
        description = {"Ask one model, streaming its answer as it arrives.",
            "The prompt comes from the arguments, or from stdin when stdin is not a terminal; "
                + "with both, the arguments are the instruction and stdin the material.",
            "With no prompt on a terminal, an interactive chat starts (/help inside lists its commands)."})
final class ChatCommand implements Callable<Integer>, JsonErrorEvents {

    static final String DEFAULT_MODEL = "openai/gpt-4o-mini";

    /**
     * How much of an answer is kept for a fallback to continue (256K characters, about 64K
     * tokens): enough for any real answer, and it keeps memory flat on an endless stream.
     */
    static final int CONTINUATION_LIMIT = 256 * 1024;

    /** The most bytes of a prompt piped on stdin (see {@link #readAll}). */
    static final int STDIN_LIMIT = 16 * 1024 * 1024;

    /**
     * How long a one-shot chat runs before its record goes straight into the database: a remote
     * model takes longer than this to answer, and the database opens while it thinks; a run over
     * sooner (a fast local server) leaves its record in the journal, at no cost to its start-up.
     */
    static final Duration ONE_SHOT_PATIENCE = Duration.ofMillis(300);

    @ParentCommand
    ArenaCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROMPT", arity = "0..*", description = "The prompt (words are joined with spaces).")
    List<String> words = new ArrayList<>();

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", defaultValue = DEFAULT_MODEL,
            description = "Model id (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--fallback", split = ",", paramLabel = "MODEL",
            description = "Models to try, in order, when the model fails, comma-separated.")
    List<String> fallbacks = new ArrayList<>();

    @Option(names = {"-s", "--system"}, paramLabel = "TEXT", description = "System prompt.")
    String system;

    @Option(names = "--temperature", paramLabel = "T", converter = OptionConverters.Temperature.class,
            description = "Sampling temperature, 0 to 2.")
    Double temperature;

    @Option(names = "--max-tokens", paramLabel = "N", converter = OptionConverters.MaxTokens.class,
            description = "Longest answer, in tokens.")
    Integer maxTokens;

    @Option(names = "--seed", paramLabel = "N", converter = OptionConverters.Seed.class,
            description = "Seed for sampling, where the model supports it.")
    Long seed;

    @Option(names = {"-c", "--continue"},
            description = "Go on from the last chat conversation (with a prompt, or interactively).")
    boolean continueLast;

    @Option(names = "--session", paramLabel = "NAME",
            description = "Go on from the session NAME, or start it if there is none.")
    String sessionName;

    @Option(names = "--cid", paramLabel = "ID",
            description = "Go on from the chat conversation with this id, or a unique prefix of it (arena logs lists them).")
    String conversationId;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Mixin
    ModelCheckOptions modelCheck;

    @Mixin
    StoreOptions store;

    @Override
    public void errorEvent(String sentence, int exitCode) {
        OutputOptions.answerErrorEvent(root.stdio(), sentence, exitCode);
    }

    @Override
    public Integer call() throws ConfigException {
        Stdio io = root.stdio();
        model = root.aliases().resolve(model);
        fallbacks = root.aliases().resolveAll(fallbacks);
        SessionChoice choice = choice();
        if (words.isEmpty() && !output.json && io.stdinIsTerminal() && io.stdoutIsTerminal()) {
            return interactive(io, choice);
        }
        String prompt = prompt(io);
        validate();
        TextSink err = TextSink.stderr(io.err());
        StoreWriter writer = store.writer(io, root, ONE_SHOT_PATIENCE);
        try {
            Connection connection = this.connection.connect(io, err, CONTINUATION_LIMIT);
            // A plain chat is a new conversation: no database work before the first token. Going
            // on from one reads its history first, which cannot be helped.
            try (SessionStart start = open(io, connection, choice, writer, err, false)) {
                ChatSession session = start.session();
                List<String> models = session.chain(session.model());
                modelCheck.check(io, err, output.quiet(), connection.settings().baseUrl(), connection.settings().apiKey(),
                        ModelCheck.requested("--model/--fallback", models));
                AnswerView view = output.view(io, TextSink.stdout(io.out()), err);
                CostEstimator costs = CatalogOptions.cachedPrices(io, connection.settings().baseUrl());
                RequestRecorder recorder = new RequestRecorder(writer, connection.redactor());
                session.add(ChatSession.Entry.user(prompt));
                RequestTag tag = RequestTag.chat(start.kept().conversationFor(session));
                return new AnswerRun(connection.recordingTo(recorder).pricedWith(costs), view)
                        .run(session.request(session.model()), models, tag);
            }
        } catch (Refused e) {
            return e.code;
        } finally {
            StoreOptions.finish(writer, err);
        }
    }

    /** No prompt, on a terminal: a conversation, until Ctrl-D or /exit. */
    private int interactive(Stdio io, SessionChoice choice) throws ConfigException {
        validate();
        TextSink err = TextSink.stderr(io.err());
        Connection connection = this.connection.connect(io, err, CONTINUATION_LIMIT);
        StoreWriter writer = this.store.writer(io, root, Duration.ZERO);
        try {
            SessionStart start;
            try {
                start = open(io, connection, choice, writer, err, true);
            } catch (Refused e) {
                return e.code;
            }
            Terminal terminal;
            try {
                ChatSession session = start.session();
                modelCheck.check(io, err, output.quiet(), connection.settings().baseUrl(), connection.settings().apiKey(),
                        ModelCheck.requested("--model/--fallback", session.chain(session.model())));
                terminal = Terminals.openInteractive();
            } catch (RuntimeException e) {
                start.close();
                throw e;
            }
            try {
                URI base = connection.settings().baseUrl();
                UnaryOperator<String> modelIds = id -> {
                    String resolved = root.aliases().resolve(id);
                    modelCheck.problem(io, base, resolved).ifPresent(problem -> {
                        throw new IllegalArgumentException(problem);
                    });
                    return resolved;
                };
                FallbackChain chain = connection.chain().recordingTo(new RequestRecorder(writer, connection.redactor()))
                        .pricedWith(CatalogOptions.cachedPrices(io, base));
                CachedModelNames modelNames = new CachedModelNames(CatalogOptions.cacheDirectory(io), base, root.aliases());
                Repl repl = new Repl(terminal, sessionFiles(io), chain, e -> describe(e, connection), modelIds, modelNames,
                        output.color(io), !output.raw, SessionStore.home(io.env()));
                return repl.run(start);
            } finally {
                try {
                    terminal.close();
                } catch (IOException e) {
                    // Leaving anyway; the terminal's attributes were restored by the line reader.
                }
            }
        } finally {
            StoreOptions.finish(writer, err);
        }
    }

    /** -c, --session NAME or --cid ID (one of them), or a new conversation. */
    private SessionChoice choice() {
        int given = (continueLast ? 1 : 0) + (sessionName != null ? 1 : 0) + (conversationId != null ? 1 : 0);
        if (given > 1) {
            throw new ParameterException(spec.commandLine(), "--continue, --session and --cid each choose the conversation:"
                    + " give one of them");
        }
        if (sessionName != null) {
            try {
                return SessionChoice.named(sessionName);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--session: " + e.getMessage());
            }
        }
        if (conversationId != null) {
            return SessionChoice.id(conversationId);
        }
        return continueLast ? SessionChoice.last() : SessionChoice.fresh();
    }

    /**
     * The conversation the chat goes on from, read from the store and locked, or a new one. A
     * refusal is written as its sentence, and thrown with its exit code: a store that cannot be
     * read is 3, as for every command that reads it.
     */
    private SessionStart open(Stdio io, Connection connection, SessionChoice choice, StoreWriter writer, TextSink err,
                              boolean interactive) throws Refused {
        Path home = CatalogOptions.home(io);
        StoredSessions sessions = new StoredSessions(sessionFiles(io), store.file(io), StoreLocation.cacheDir(io.env(), home),
                connection.redactor());
        ChatSession fresh;
        try {
            fresh = settings(new ChatSession(model.strip()), true);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--model: " + e.getMessage());
        }
        try {
            return sessions.open(choice, fresh, session -> settings(session, false), writer,
                    warning -> err.write(warning + "\n").flush());
        } catch (NothingToContinueException e) {
            if (!interactive) {
                throw refused(err, e.getMessage(), ExitCode.FAILED);
            }
            try {
                return sessions.open(SessionChoice.fresh(), fresh, session -> { }, writer, warning -> { })
                        .withNote("no earlier conversation to continue; this is a new one");
            } catch (Exception impossible) {
                throw new IllegalStateException(impossible); // a new conversation reads nothing
            }
        } catch (StoreException e) {
            throw refused(err, e.getMessage(), ExitCode.CONFIG);
        } catch (SessionBusyException | NotAChatException e) {
            // Another chat has the session open, or the id is a debate's: the fix is on the command line.
            throw refused(err, e.getMessage(), ExitCode.USAGE);
        }
    }

    private Refused refused(TextSink err, String sentence, int code) {
        err.write("arena: " + sentence + "\n").flush();
        if (output.json) {
            OutputOptions.answerErrorEvent(root.stdio(), sentence, code);
        }
        return new Refused(code);
    }

    /** The chat could not start; its sentence is written already. */
    private static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;
        private final int code;

        Refused(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    private static SessionStore sessionFiles(Stdio io) {
        return SessionStore.fromEnvironment(io.env(), SessionStore.home(io.env()));
    }

    /**
     * The command line's settings on a session: all of them on a new one, only those given
     * explicitly on a resumed one (so that -m switches the model of a resumed conversation).
     */
    private ChatSession settings(ChatSession session, boolean all) {
        var parsed = spec.commandLine().getParseResult();
        if (all || parsed.hasMatchedOption("--model")) {
            session.setModel(model);
        }
        if (all || parsed.hasMatchedOption("--fallback")) {
            session.setFallbacks(fallbacks);
        }
        if (all || parsed.hasMatchedOption("--system")) {
            session.setSystem(system);
        }
        if (all || parsed.hasMatchedOption("--temperature")) {
            session.setTemperature(temperature);
        }
        if (all || parsed.hasMatchedOption("--max-tokens")) {
            session.setMaxTokens(maxTokens);
        }
        if (all || parsed.hasMatchedOption("--seed")) {
            session.setSeed(seed);
        }
        return session;
    }

    /** One sentence for a request of the interactive chat that failed; the session goes on. */
    private static String describe(Exception e, Connection connection) {
        String sentence = connection.failures().exit(e).sentence().orElseThrow();
        connection.debugTrace(e);
        return connection.redactor().redact(sentence);
    }

    private void validate() {
        if (model.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--model must not be empty");
        }
        // --temperature and --max-tokens were checked by their converters.
    }

    /** Arguments are the instruction and piped stdin the material, as {@code llm} does. */
    private String prompt(Stdio io) {
        String instruction = String.join(" ", words).strip();
        String material = io.stdinIsTerminal() ? "" : readAll(io).strip();
        if (instruction.isEmpty() && material.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "no prompt: give it as an argument, e.g. arena chat \"Say hello\", or pipe it on stdin"
                            + (io.stdinIsTerminal() && !output.json ? "; on a terminal, arena chat alone is interactive" : ""));
        }
        if (instruction.isEmpty()) {
            return material;
        }
        return material.isEmpty() ? instruction : instruction + "\n\n" + material;
    }

    /**
     * Piped stdin, bounded like every file arena reads: 16 MiB is far more than any model's
     * context window holds as text, and {@code < /dev/zero} must end in a sentence, not an
     * OutOfMemoryError.
     */
    private String readAll(Stdio io) {
        try {
            return TextFiles.read(io.in(), STDIN_LIMIT, "the prompt on stdin");
        } catch (UnreadableTextException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read the prompt from stdin (" + FileErrors.reason(e) + ")");
        }
    }
}
