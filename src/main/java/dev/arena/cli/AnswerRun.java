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
 * Runs one answer through the fallback chain into a view; how it ended becomes an exit code
 * and, on failure, one sentence for the user, as {@link FailureMapper} says, with what became
 * of the answer.
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
        } catch (HttpStatusException | ChainFailedException | CancelledException | OutputClosedException
                 | OutputFailedException e) {
            return fail(e);
        }
    }

    /** Says the mapper's sentence, if the failure has one, with what became of the answer. */
    private int fail(Exception cause) {
        FailureMapper.Exit exit = connection.failures().exit(cause);
        exit.sentence().ifPresent(sentence -> {
            try {
                view.fail(connection.redactor().redact(sentence + kept(cause)), exit.code());
                connection.debugTrace(cause);
            } catch (OutputClosedException | OutputFailedException e) {
                // Nowhere left to say it; the exit code still tells.
            }
        });
        return exit.code();
    }

    /**
     * What only this run knows: how much of the answer the user has. A failed write to stdout
     * is not a reader that went away: the answer is lost past this point.
     */
    private static String kept(Exception cause) {
        if (cause instanceof ChainFailedException failed && !failed.partialAnswer().isEmpty()) {
            return "; the partial answer was kept";
        }
        return cause instanceof OutputFailedException ? "; the answer was stopped, and no copy of it was kept" : "";
    }
}
