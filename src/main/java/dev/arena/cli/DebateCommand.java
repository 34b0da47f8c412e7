package dev.arena.cli;

import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSetup;
import dev.arena.debate.DryRun;
import dev.arena.debate.InvalidSettingsException;
import dev.arena.openrouter.RequestBody;
import dev.arena.output.JsonLines;
import dev.arena.output.TextSink;
import dev.arena.store.StoreWriter;
import dev.arena.transcript.TranscriptFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code arena debate}: two models argue a topic through rounds, live; a third may judge. */
@Command(addMethodSubcommands = false, name = "debate", sortOptions = false, mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, ExitCode.HELP_1, ExitCode.HELP_2, ExitCode.HELP_3, ExitCode.HELP_130, ExitCode.HELP_143},
        description = {"Two models debate a topic through rounds, streamed live; a third model may judge.",
            "Round 1 is openings (Pro, then Con), middle rounds rebuttals, the last round closings."})
final class DebateCommand implements Callable<Integer>, JsonErrorEvents {

    static final String DEFAULT_PRO = "openai/gpt-4o-mini";
    static final String DEFAULT_CON = "deepseek/deepseek-chat";

    @ParentCommand
    ArenaCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "The motion to debate (words are joined with spaces).")
    List<String> topicWords = new ArrayList<>();

    @Option(names = "--pro", paramLabel = "MODEL", defaultValue = DEFAULT_PRO,
            description = "Model arguing for the topic (default: ${DEFAULT-VALUE}).")
    String pro;

    @Option(names = "--con", paramLabel = "MODEL", defaultValue = DEFAULT_CON,
            description = "Model arguing against the topic (default: ${DEFAULT-VALUE}).")
    String con;

    @Mixin
    DebateShapeOptions shape;

    @Option(names = "--seed", paramLabel = "N", converter = OptionConverters.Seed.class,
            description = "Seed for sampling, where the models support it.")
    Long seed;

    @Option(names = "--fallback", split = ",", paramLabel = "MODEL", description = "Fallback models for both sides.")
    List<String> fallbacks = new ArrayList<>();

    @Option(names = "--pro-fallback", split = ",", paramLabel = "MODEL", description = "Fallback models for Pro (tried before --fallback).")
    List<String> proFallbacks = new ArrayList<>();

    @Option(names = "--con-fallback", split = ",", paramLabel = "MODEL", description = "Fallback models for Con (tried before --fallback).")
    List<String> conFallbacks = new ArrayList<>();

    @Option(names = "--system-pro", paramLabel = "TEXT", description = "Persona for Pro's system prompt.")
    String systemPro;

    @Option(names = "--system-con", paramLabel = "TEXT", description = "Persona for Con's system prompt.")
    String systemCon;

    @Option(names = "--stance-file", paramLabel = "FILE",
            description = "File with a [pro] and a [con] section holding each side's persona.")
    Path stanceFile;

    @Option(names = "--judge", split = ",", paramLabel = "MODEL",
            description = "Judge the debate with this model (more, comma-separated, are its fallbacks).")
    List<String> judge = new ArrayList<>();

    @Option(names = "--no-judge", description = "No judge for this run, whatever the config file or $ARENA_JUDGE says (like --judge '').")
    boolean noJudge;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the transcript to FILE as it happens; its extension md, json or jsonl gives the format.")
    Path out;

    @Option(names = "--format", paramLabel = "md|json|jsonl", description = "Transcript format, when the --out extension does not say.")
    String format;

    @Option(names = "--force", description = "Overwrite the --out file when it exists and is not empty.")
    boolean force;

    @Option(names = "--dry-run", description = "Print the requests that would be sent (key redacted); needs no key or network.")
    boolean dryRun;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    StoreOptions store;

    @Mixin
    OutputOptions output;

    @Mixin
    ModelCheckOptions modelCheck;

    @Override
    public void errorEvent(String sentence, int exitCode) {
        OutputOptions.debateErrorEvent(root.stdio(), sentence, exitCode);
    }

    @Override
    public Integer call() throws ConfigException {
        Stdio io = root.stdio();
        DebateSettings settings = settings();
        if (format != null && out == null) {
            throw new ParameterException(spec.commandLine(), "--format needs --out FILE; stdout is Markdown, or JSON events with --json");
        }
        if (force && out == null) {
            throw new ParameterException(spec.commandLine(), "--force needs --out FILE: it lets --out overwrite a file that is not empty");
        }
        TranscriptFormat transcriptFormat = out == null ? null : transcriptFormat();
        TextSink err = TextSink.stderr(io.err());
        if (dryRun) {
            // A dry run needs no network: ids are checked against the cached list only.
            modelCheck.checkCached(io, err, output.quiet(), connection.baseUri(), DebateSetup.requestedModels(settings));
            return printPlan(io, settings);
        }
        StoreWriter writer = store.writer(io, root, Duration.ZERO);
        try {
            // Every turn is history for the turns after it, so turns are kept whole.
            Connection conn = connection.connect(io, err, Integer.MAX_VALUE);
            modelCheck.check(io, err, output.quiet(), conn.settings().baseUrl(), conn.settings().apiKey(),
                    DebateSetup.requestedModels(settings));
            return new DebateRun(conn, settings, output, io, err, writer).run(out, transcriptFormat, force);
        } finally {
            StoreOptions.finish(writer, err);
        }
    }

    private DebateSettings settings() {
        try {
            return new DebateSetup(root.aliases())
                    .topic(topicWords)
                    .pro(pro, proFallbacks)
                    .con(con, conFallbacks)
                    .sharedFallbacks(fallbacks)
                    .judge(judgeModels())
                    .stances(stanceFile, systemPro, systemCon)
                    .rounds(shape.rounds)
                    .temperature(shape.temperature)
                    .maxTokens(shape.maxTokens)
                    .seed(seed)
                    .build();
        } catch (InvalidSettingsException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The judge asked for: none with --no-judge or an empty --judge '' (or $ARENA_JUDGE set
     * empty), which override the config file's judge for this run, as --fallback '' does its
     * fallbacks; a list of blanks (' , ') is still a mistake for the setup to name.
     */
    private List<String> judgeModels() {
        if (noJudge && spec.commandLine().getParseResult().hasMatchedOption("--judge")) {
            throw new ParameterException(spec.commandLine(), "--no-judge and --judge cannot be combined");
        }
        return noJudge || judge.equals(List.of("")) ? List.of() : judge;
    }

    private TranscriptFormat transcriptFormat() {
        try {
            return TranscriptFormat.forFile(out, format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--out: " + e.getMessage());
        }
    }

    /** The requests a run would send, as text, or with --json as one {@link DryRunEvent}. */
    private int printPlan(Stdio io, DebateSettings settings) {
        URI endpoint = URI.create(connection.baseUri() + "/chat/completions");
        String keyProblem;
        try {
            keyProblem = ApiKeys.find(connection.server.apiKeyFile, io.env()) != null ? null
                    : "no API key set: a real run needs " + ApiKeys.ENV + " or --api-key-file";
        } catch (ConfigException e) {
            keyProblem = "the API key cannot be used: " + e.getMessage();
        }
        List<DryRun.PlannedRequest> plan = DryRun.plan(settings);
        TextSink sink = TextSink.stdout(io.out());
        if (output.json) {
            new JsonLines(sink, io.stdoutIsTerminal()).emit(DryRunEvent.of(endpoint, keyProblem, plan, Instant.now()));
            return ExitCode.OK;
        }
        String auth = keyProblem == null ? "Authorization: " + DryRunEvent.REDACTED : "(" + keyProblem + ")";
        for (DryRun.PlannedRequest planned : plan) {
            sink.write("### " + planned.label() + " (models: " + String.join(", ", planned.models()) + ")\n")
                    .write("POST " + endpoint + "\n" + auth + "\n\n")
                    .write(RequestBody.prettyJson(planned.request()) + "\n\n");
        }
        sink.flush();
        return ExitCode.OK;
    }
}
