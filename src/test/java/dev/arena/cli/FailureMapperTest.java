package dev.arena.cli;

import dev.arena.debate.Phase;
import dev.arena.debate.Side;
import dev.arena.debate.Turn;
import dev.arena.debate.TurnFailedException;
import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.MalformedResponseException;
import dev.arena.openrouter.NetworkException;
import dev.arena.openrouter.Usage;
import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.resilience.ChainFailedException;
import dev.arena.transcript.TranscriptWriteException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureMapperTest {

    private static final ClientSettings OPENROUTER = settings(ClientSettings.OPENROUTER.toString());
    private static final ClientSettings LOCAL = settings("http://localhost:11434/v1");

    private static ClientSettings settings(String baseUrl) {
        return new ClientSettings(URI.create(baseUrl), "sk-test", Duration.ofSeconds(30), line -> { });
    }

    private static FailureMapper.Exit said(int code, String sentence) {
        return new FailureMapper.Exit(code, Optional.of(sentence), false);
    }

    private static HttpStatusException status(int status, String message) {
        return new HttpStatusException("m1", status, message, null, null);
    }

    private static ChainFailedException chainFailed(String partial, ApiException... failures) {
        return new ChainFailedException(List.of(failures), partial);
    }

    @Test
    void aConfigProblemIsExitThreeWithItsOwnSentence() {
        FailureMapper.Exit expected = said(ExitCode.CONFIG, "the key file /k does not exist");
        assertEquals(expected, new FailureMapper().exit(new ConfigException("the key file /k does not exist")));
        assertEquals(expected, new FailureMapper(LOCAL).exit(new ConfigException("the key file /k does not exist")));
    }

    @Test
    void aRefusedKeySaysWhereTheKeyComesFrom() {
        assertEquals(said(ExitCode.CONFIG, "OpenRouter refused the API key (HTTP 401: no auth); check "
                        + "OPENROUTER_API_KEY or the file given to --api-key-file"),
                new FailureMapper(OPENROUTER).exit(status(401, "no auth")));
        assertEquals(said(ExitCode.CONFIG, "the server refused the API key (HTTP 401: no auth); check "
                        + "OPENROUTER_API_KEY or the file given to --api-key-file"),
                new FailureMapper(LOCAL).exit(status(401, "no auth")));
    }

    @Test
    void a401WithNoKeySetSaysTheServerNeedsOneNotThatItWasRefused() {
        ClientSettings keyless = new ClientSettings(URI.create("http://localhost:8080/v1"), null, Duration.ofSeconds(30), line -> { });
        assertEquals(said(ExitCode.CONFIG, "the server needs an API key and none is set (HTTP 401: no auth); set "
                        + "OPENROUTER_API_KEY or pass --api-key-file FILE"),
                new FailureMapper(keyless).exit(status(401, "no auth")));
    }

    @Test
    void noCreditsSaysWhereToAddThemOnOpenRouterOnly() {
        assertEquals(said(ExitCode.CONFIG, "OpenRouter says the account is out of credits (HTTP 402: broke); add credits"
                        + " at https://openrouter.ai/settings/credits or choose a :free model"),
                new FailureMapper(OPENROUTER).exit(status(402, "broke")));
        assertEquals(said(ExitCode.CONFIG, "the server says the account is out of credits (HTTP 402: broke)"),
                new FailureMapper(LOCAL).exit(status(402, "broke")));
    }

    @Test
    void aFailedChainNamesWhoFailedAndWhy() {
        ChainFailedException e = chainFailed("", new NetworkException("m1", "connection reset", new IOException("reset")));

        assertEquals(said(ExitCode.FAILED, "m1 failed: connection reset"), new FailureMapper(LOCAL).exit(e));
    }

    @Test
    void aChainThatFoundNoServerAsksAboutTheBaseUrl() {
        ChainFailedException e = chainFailed("", status(404, "not found"),
                new MalformedResponseException("m2", "a web page"));

        assertEquals(said(ExitCode.FAILED, "all 2 models (last: m2) failed: a web page; is the base URL right?"
                + " arena posts to http://localhost:11434/v1/chat/completions"), new FailureMapper(LOCAL).exit(e));
    }

    @Test
    void aFailedTurnSaysTheDebateStopped() {
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        Turn failed = new Turn(2, Side.CON, Phase.REBUTTAL, "f/con", "f/con", "half", Usage.NONE, at, at, List.of(),
                "every model failed");

        assertEquals(said(ExitCode.FAILED, "the debate stopped: round 2, Con: every model failed"),
                new FailureMapper(LOCAL).exit(new TurnFailedException(failed)));
    }

    @Test
    void aCancelIsExit130() {
        assertEquals(said(ExitCode.INTERRUPTED, "interrupted"), new FailureMapper(LOCAL).exit(new CancelledException()));
    }

    @Test
    void aClosedStdoutEndsQuietlyAndWell() {
        assertEquals(new FailureMapper.Exit(ExitCode.OK, Optional.empty(), false),
                new FailureMapper(LOCAL).exit(new OutputClosedException(new IOException("Broken pipe"))));
    }

    @Test
    void aFailedWriteFailsTheRunAndNamesWhatCouldNotBeWritten() {
        IOException full = new IOException("No space left on device");
        OutputFailedException stdout = new OutputFailedException("stdout", full);
        TranscriptWriteException transcript = new TranscriptWriteException(Path.of("/dev/full"), full);

        assertEquals(said(ExitCode.FAILED, stdout.getMessage()), new FailureMapper(LOCAL).exit(stdout));
        assertEquals(said(ExitCode.FAILED, transcript.getMessage()), new FailureMapper(LOCAL).exit(transcript));
    }

    @Test
    void anythingElseIsABug() {
        IllegalStateException bug = new IllegalStateException("oops");

        assertEquals(new FailureMapper.Exit(ExitCode.FAILED, Optional.of("internal error: java.lang.IllegalStateException: oops"), true),
                new FailureMapper(LOCAL).exit(bug));
    }

    @Test
    void withoutAConnectionARequestsFailureCannotBeToldAndCountsAsABug() {
        HttpStatusException refused = status(401, "no auth");

        assertEquals(new FailureMapper.Exit(ExitCode.FAILED, Optional.of("internal error: " + refused), true),
                new FailureMapper().exit(refused));
    }
}
