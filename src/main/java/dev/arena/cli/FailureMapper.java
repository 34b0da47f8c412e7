package dev.arena.cli;

import dev.arena.catalog.CatalogUnavailableException;
import dev.arena.debate.TurnFailedException;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.MalformedResponseException;
import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.resilience.ChainFailedException;
import dev.arena.transcript.TranscriptWriteException;

import java.util.Optional;

/**
 * The one place that says what a failure means to the user: the exit code arena ends with
 * and the one sentence it says. AnswerRun, DebateRun and the interactive chat ask it about
 * their requests; picocli asks it about what escapes a command (a {@link ConfigException});
 * a tournament will ask it about each debate. Callers add only what they alone know: what
 * stopped, and where what arrived is kept. Sentences are not redacted here: the callers hold
 * the key's redactor, and some record the sentence too.
 */
final class FailureMapper {

    /**
     * How a failure ends a run. {@code sentence} is empty for a closed stdout: its reader has
     * what it wanted. {@code bug} marks a failure that is arena's, not the user's to fix, so
     * that {@code --debug} shows its stack trace.
     */
    record Exit(int code, Optional<String> sentence, boolean bug) {

        private static Exit said(int code, String sentence) {
            return new Exit(code, Optional.of(sentence), false);
        }
    }

    /** The server asked, for the failures of a request (401/402, the base URL); null before connecting. */
    private final ClientSettings settings;

    /** Before a connection exists: only failures that need no server to tell. */
    FailureMapper() {
        this.settings = null;
    }

    FailureMapper(ClientSettings settings) {
        this.settings = settings;
    }

    Exit exit(Exception e) {
        if (e instanceof ConfigException) {
            return Exit.said(ExitCode.CONFIG, e.getMessage());
        }
        if (e instanceof HttpStatusException status && settings != null) {
            return Exit.said(ExitCode.CONFIG, account(status));
        }
        if (e instanceof ChainFailedException failed && settings != null) {
            return Exit.said(ExitCode.FAILED, failed.getMessage() + baseUrlHint(failed));
        }
        if (e instanceof CatalogUnavailableException) {
            return Exit.said(ExitCode.FAILED, e.getMessage());
        }
        if (e instanceof TurnFailedException) {
            return Exit.said(ExitCode.FAILED, "the debate stopped: " + e.getMessage());
        }
        if (e instanceof CancelledException) {
            return Exit.said(ExitCode.INTERRUPTED, "interrupted");
        }
        if (e instanceof OutputClosedException) {
            // The reader closed the pipe (| head): nothing went wrong that the user must hear of.
            return new Exit(ExitCode.OK, Optional.empty(), false);
        }
        if (e instanceof OutputFailedException || e instanceof TranscriptWriteException) {
            // A full disk or an I/O error is not a reader that went away: the sentence names the stream.
            return Exit.said(ExitCode.FAILED, e.getMessage());
        }
        return new Exit(ExitCode.FAILED, Optional.of("internal error: " + e), true);
    }

    /** 401 and 402 are about the account (or its missing key); say what to fix rather than which model failed. */
    private String account(HttpStatusException e) {
        String server = settings.isOpenRouter() ? "OpenRouter" : "the server";
        String detail = " (" + e.getMessage() + ")";
        if (e.status() == 402) {
            return server + " says the account is out of credits" + detail + (settings.isOpenRouter()
                    ? "; add credits at https://openrouter.ai/settings/credits or choose a :free model" : "");
        }
        if (settings.apiKey() == null) {
            // No key was sent, so none was refused: the server wants one.
            return server + " needs an API key and none is set" + detail + "; set " + ApiKeys.ENV
                    + " or pass --api-key-file FILE";
        }
        return server + " refused the API key" + detail + "; check " + ApiKeys.ENV + " or the file given to --api-key-file";
    }

    /**
     * A 404 from every model, or a web page instead of a stream, usually means the base URL
     * lacks its {@code /v1} (or has a typo); say where arena sent the request.
     */
    private String baseUrlHint(ChainFailedException e) {
        boolean wrongPlace = e.failures().stream().allMatch(f ->
                f instanceof HttpStatusException status && status.status() == 404 || f instanceof MalformedResponseException);
        return wrongPlace ? "; is the base URL right? arena posts to " + settings.baseUrl() + "/chat/completions" : "";
    }
}
