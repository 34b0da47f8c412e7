package dev.arena.cli;

import dev.arena.catalog.Aliases;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSetup;
import dev.arena.debate.InvalidSettingsException;
import dev.arena.demo.DemoNotices;
import dev.arena.demo.DemoScript;
import dev.arena.demo.DemoServer;
import dev.arena.files.FileErrors;
import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.OpenRouterClient;
import dev.arena.output.TextSink;
import dev.arena.resilience.FallbackChain;
import dev.arena.resilience.Rate;
import dev.arena.resilience.RateLimits;
import dev.arena.resilience.RetryPolicy;
import dev.arena.store.StoreWriter;
import dev.arena.text.Redactor;
import dev.arena.transcript.TranscriptFormat;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code arena demo}: a scripted two-round debate with a judge, through the same debate run as
 * {@code arena debate} (client, SSE parser, fallback chain, judge, views, transcript), against
 * a {@link DemoServer} inside the process. It needs no key and no network, records nothing in
 * the store, and reads no model, server or key setting: only the colour settings apply.
 */
@Command(addMethodSubcommands = false, name = "demo", sortOptions = false, mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.HELP_0, ExitCode.HELP_1, ExitCode.HELP_2, ExitCode.HELP_130, ExitCode.HELP_143},
        description = {"A scripted debate, to see arena at work before you have a key: two rounds and a judge,"
                + " streamed live, with one turn that fails and falls back.",
            "Nothing leaves this machine; no real model is asked, and nothing is recorded in the store."},
        footerHeading = "%nEnvironment:%n",
        footer = {"  " + DemoCommand.PACE_ENV + "  milliseconds between words (default "
                + DemoCommand.DEFAULT_PACE_MS + "; 0: all at once)"})
final class DemoCommand implements Callable<Integer>, JsonErrorEvents {

    static final String PACE_ENV = "ARENA_DEMO_PACE";
    static final int DEFAULT_PACE_MS = 30;

    /** Two rounds (openings, closings): enough to show a debate, short enough to watch. */
    private static final int ROUNDS = 2;

    /** One retry before the fallback, so the failing turn shows both. */
    private static final int RETRIES = 1;

    @ParentCommand
    ArenaCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TOPIC", arity = "0..*",
            description = "The motion to debate (default: \"" + DemoScript.DEFAULT_TOPIC + "\").")
    List<String> topicWords = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the transcript to FILE, as its extension md, json or jsonl says; by default to a new temporary directory.")
    Path out;

    @Option(names = "--force", description = "Overwrite the --out file when it exists and is not empty.")
    boolean force;

    @Mixin
    OutputOptions output;

    @Override
    public void errorEvent(String sentence, int exitCode) {
        OutputOptions.debateErrorEvent(root.stdio(), sentence, exitCode);
    }

    @Override
    public Integer call() {
        Stdio io = root.stdio();
        TextSink err = TextSink.stderr(io.err());
        Duration pace = pace(io);
        DebateSettings settings = settings();
        TranscriptFormat format = out == null ? TranscriptFormat.MARKDOWN : transcriptFormat();
        err.write(DemoNotices.start()).flush();
        try (DemoServer server = DemoServer.start(new DemoScript(settings.topic()), pace)) {
            Path transcript = out != null ? out : Files.createTempDirectory("arena-demo-").resolve("demo.md");
            int code = new DebateRun(connection(server), settings, output, io, err, StoreWriter.DISABLED)
                    .run(transcript, format, force);
            // The run itself names a whole transcript unless --quiet on a pipe held that back.
            boolean unnamed = code == ExitCode.OK && output.quietOn(io);
            err.write(DemoNotices.end(settings.topic(), unnamed ? transcript : null)).flush();
            return code;
        } catch (IOException e) {
            err.write("arena: the demo could not start its stand-in server or transcript directory: "
                    + FileErrors.reason(e) + "\n").flush();
            return ExitCode.FAILED;
        }
    }

    private DebateSettings settings() {
        String topic = topicWords.isEmpty() ? DemoScript.DEFAULT_TOPIC : String.join(" ", topicWords);
        try {
            // Built-in aliases only: the demo's speakers are its own, whatever the config file says.
            return new DebateSetup(Aliases.builtIn())
                    .topic(List.of(topic))
                    .pro(DemoScript.PRO, List.of(DemoScript.PRO_BACKUP))
                    .con(DemoScript.CON, List.of())
                    .judge(List.of(DemoScript.JUDGE))
                    .rounds(ROUNDS)
                    .build();
        } catch (InvalidSettingsException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private TranscriptFormat transcriptFormat() {
        try {
            return TranscriptFormat.forFile(out, null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--out: " + e.getMessage());
        }
    }

    private Duration pace(Stdio io) {
        String value = io.env().get(PACE_ENV);
        if (value == null || value.isBlank()) {
            return Duration.ofMillis(DEFAULT_PACE_MS);
        }
        try {
            long millis = Long.parseLong(value.strip());
            if (millis >= 0 && millis <= 10_000) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // Said below, with the range.
        }
        throw new ParameterException(spec.commandLine(),
                "$" + PACE_ENV + " must be a whole number of milliseconds from 0 to 10000, not '" + value + "'");
    }

    /** No key: the stand-in server wants none, and none must ever be sent to it. */
    private static Connection connection(DemoServer server) {
        ClientSettings settings = new ClientSettings(URI.create(server.baseUrl()), null, Duration.ofSeconds(30), ClientSettings.NO_LOG);
        FallbackChain chain = new FallbackChain(new OpenRouterClient(settings), new RateLimits(Rate.DEFAULT, Map.of()),
                RetryPolicy.DEFAULT.withMaxRetries(RETRIES), Integer.MAX_VALUE);
        return new Connection(settings, Redactor.NONE, chain);
    }
}
