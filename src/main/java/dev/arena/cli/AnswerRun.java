package dev.arena.cli;

import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.output.AnswerView;
import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.resilience.Answer;
import dev.arena.resilience.ChainFailedException;
import dev.arena.resilience.RequestTag;

import java.util.List;

/**
 * Runs one answer through the fallback chain into a view, and turns how it ended into an
 * exit code and, on failure, one sentence for the user.
 */
final class AnswerRun {

    private final Connection connection;
    private final AnswerView view;

    AnswerRun(Connection connection, AnswerView view) {
        this.connection = connection;
        this.view = view;
    }

    int run(ChatRequest request, List<String> models, RequestTag tag) {
        Cancellation cancel = new Cancellation();
        try (StopSignals ignored = StopSignals.cancel(cancel)) {
            view.begin(models);
            Answer answer = connection.chain().answer(request, models, view, cancel, tag);
            view.finish(answer);
            return ExitCode.OK;
        } catch (HttpStatusException e) {
            return fail(Failures.account(e, connection.settings()), ExitCode.CONFIG, e);
        } catch (ChainFailedException e) {
            String kept = e.partialAnswer().isEmpty() ? "" : "; the partial answer was kept";
            return fail(e.getMessage() + kept + Failures.baseUrlHint(e, connection.settings()), ExitCode.FAILED, e);
        } catch (CancelledException e) {
            return fail("interrupted", ExitCode.INTERRUPTED, e);
        } catch (OutputClosedException e) {
            // The reader closed the pipe (| head): the request is already closed; end quietly.
            return ExitCode.OK;
        } catch (OutputFailedException e) {
            // A full disk or an I/O error is not a reader that went away: the answer is lost past this point.
            return fail(e.getMessage() + "; the answer was stopped, and no copy of it was kept",
                    ExitCode.FAILED, e);
        }
    }

    private int fail(String sentence, int exitCode, Exception cause) {
        try {
            view.fail(connection.redactor().redact(sentence), exitCode);
            connection.debugTrace(cause);
        } catch (OutputClosedException | OutputFailedException e) {
            // Nowhere left to say it; the exit code still tells.
        }
        return exitCode;
    }
}
