package dev.arena.cli;

import dev.arena.catalog.ModelCheck;
import dev.arena.files.FileErrors;
import dev.arena.files.NotReplaceableException;
import dev.arena.files.TextFiles;
import dev.arena.files.UnreadableTextException;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.Message;
import dev.arena.output.AnswerView;
import dev.arena.output.TextSink;
import dev.arena.catalog.CostEstimator;
import dev.arena.repl.ChatSession;
import dev.arena.resilience.FallbackChain;
import dev.arena.resilience.RequestTag;
import dev.arena.store.RequestRecorder;
import dev.arena.store.StoreWriter;
import dev.arena.repl.Repl;
import dev.arena.repl.SessionBusyException;
import dev.arena.repl.SessionStart;
import dev.arena.repl.SessionStore;
import dev.arena.resilience.ChainFailedException;
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
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
final class ChatCommand implements Callable<Integer> {

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
            description = "Models to try, in order, when the model fails: m1,m2,...")
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
            description = "Interactive chat: continue the last conversation.")
    boolean continueLast;

    @Option(names = "--session", paramLabel = "NAME",
            description = "Interactive chat: continue the conversation NAME, or start it if there is none.")
    String sessionName;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Mixin
    ModelCheckOptions modelCheck;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        Stdio io = root.stdio();
        model = root.aliases().resolve(model);
        fallbacks = root.aliases().resolveAll(fallbacks);
        if (words.isEmpty() && !output.json && io.stdinIsTerminal() && io.stdoutIsTerminal()) {
            return interactive(io);
        }
        if (continueLast || sessionName != null) {
            throw new ParameterException(spec.commandLine(), (continueLast ? "--continue" : "--session")
                    + " is for the interactive chat: run arena chat without a prompt, on a terminal");
        }
        String prompt = prompt(io);
        ChatRequest request = request(prompt);
        TextSink err = TextSink.stderr(io.err());
        StoreWriter writer = store.writer(io, root, ONE_SHOT_PATIENCE);
        try {
            Connection connection = this.connection.connect(io, err, CONTINUATION_LIMIT);
            modelCheck.check(io, err, output.quiet, connection.settings().baseUrl(), connection.settings().apiKey(),
                    ModelCheck.requested("--model/--fallback", models()));
            AnswerView view = output.view(io, TextSink.stdout(io.out()), err);
            CostEstimator costs = CatalogOptions.cachedPrices(io, connection.settings().baseUrl());
            RequestRecorder recorder = new RequestRecorder(writer, connection.redactor(), costs);
            String conversation = recorder.startChat(prompt, model, system, Instant.now());
            return new AnswerRun(connection.recordingTo(recorder), view, costs)
                    .run(request, models(), RequestTag.chat(conversation));
        } catch (ConfigException e) {
            err.write("arena: " + e.getMessage() + "\n").flush();
            return ExitCode.CONFIG;
        } finally {
            StoreOptions.finish(writer, err);
        }
    }

    /** No prompt, on a terminal: a conversation, until Ctrl-D or /exit. */
    private int interactive(Stdio io) {
        validate();
        if (continueLast && sessionName != null) {
            throw new ParameterException(spec.commandLine(), "--continue and --session NAME: choose one");
        }
        if (sessionName != null) {
            try {
                SessionStore.checkName(sessionName);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--session: " + e.getMessage());
            }
        }
        TextSink err = TextSink.stderr(io.err());
        Connection connection;
        try {
            connection = this.connection.connect(io, err, CONTINUATION_LIMIT);
        } catch (ConfigException e) {
            err.write("arena: " + e.getMessage() + "\n").flush();
            return ExitCode.CONFIG;
        }
        modelCheck.check(io, err, output.quiet, connection.settings().baseUrl(), connection.settings().apiKey(),
                ModelCheck.requested("--model/--fallback", models()));
        Path home = SessionStore.home(io.env());
        SessionStore store = SessionStore.fromEnvironment(io.env(), home);
        SessionStart start;
        try {
            start = SessionStart.open(store, sessionName, continueLast, settings(new ChatSession(model.strip()), true),
                    session -> settings(session, false), LocalDateTime.now());
        } catch (SessionBusyException | NotReplaceableException e) {
            // Another REPL has the session open, or its file cannot be saved: the fix is on the
            // command line (another --session).
            err.write("arena: " + e.getMessage() + "\n").flush();
            return ExitCode.USAGE;
        } catch (IOException | IllegalArgumentException e) {
            err.write("arena: cannot resume the session: " + e.getMessage() + "\n").flush();
            return ExitCode.FAILED;
        }
        Terminal terminal = Terminals.openInteractive();
        StoreWriter writer = this.store.writer(io, root, Duration.ZERO);
        try {
            URI base = connection.settings().baseUrl();
            UnaryOperator<String> modelIds = id -> {
                String resolved = root.aliases().resolve(id);
                modelCheck.problem(io, base, resolved).ifPresent(problem -> {
                    throw new IllegalArgumentException(problem);
                });
                return resolved;
            };
            // Until sessions live in the store, each interactive chat is one conversation of its own.
            RequestRecorder recorder = new RequestRecorder(writer, connection.redactor(),
                    CatalogOptions.cachedPrices(io, base));
            RequestTag tag = RequestTag.chat(recorder.startChat(sessionName == null ? "interactive chat" : sessionName,
                    model, system, Instant.now()));
            FallbackChain chain = connection.chain().recordingTo(recorder);
            Repl repl = new Repl(terminal, store, (request, models, listener, cancel) -> chain.answer(request, models,
                    listener, cancel, tag), e -> describe(e, connection), modelIds,
                    output.color(io), home);
            return repl.run(start);
        } finally {
            StoreOptions.finish(writer, err);
            try {
                terminal.close();
            } catch (IOException e) {
                // Leaving anyway; the terminal's attributes were restored by the line reader.
            }
        }
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
        String sentence;
        if (e instanceof HttpStatusException status) {
            sentence = Failures.account(status, connection.settings());
        } else if (e instanceof ChainFailedException failed) {
            sentence = failed.getMessage() + Failures.baseUrlHint(failed, connection.settings());
        } else {
            sentence = e.getMessage();
        }
        connection.debugTrace(e);
        return connection.redactor().redact(sentence);
    }

    private void validate() {
        if (model.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--model must not be empty");
        }
        // --temperature and --max-tokens were checked by their converters.
    }

    private ChatRequest request(String prompt) {
        validate();
        List<Message> messages = new ArrayList<>();
        if (system != null && !system.isBlank()) {
            messages.add(Message.system(system));
        }
        messages.add(Message.user(prompt));
        return new ChatRequest(model, messages, temperature, maxTokens, seed);
    }

    /** The model first, then the fallbacks, each once. */
    private List<String> models() {
        LinkedHashSet<String> chain = new LinkedHashSet<>();
        chain.add(model.strip());
        fallbacks.stream().map(String::strip).filter(m -> !m.isEmpty()).forEach(chain::add);
        return List.copyOf(chain);
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
