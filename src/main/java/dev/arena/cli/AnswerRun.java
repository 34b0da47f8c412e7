package dev.arena.cli;

import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.output.AnswerView;
import dev.arena.output.OutputClosedException;
import dev.arena.resilience.Answer;
import dev.arena.resilience.ChainFailedException;
import dev.arena.resilience.FallbackChain;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * Runs one answer through the fallback chain into a view, and turns how it ended into an
 * exit code and, on failure, one sentence for the user.
 */
final class AnswerRun {

    private final FallbackChain chain;
    private final AnswerView view;
    private final Redactor redactor;

    AnswerRun(FallbackChain chain, AnswerView view, Redactor redactor) {
        this.chain = chain;
        this.view = view;
        this.redactor = redactor;
    }

    int run(ChatRequest request, List<String> models, ClientSettings settings) {
        Cancellation cancel = new Cancellation();
        try (CtrlC ignored = CtrlC.cancels(cancel)) {
            view.begin(models);
            Answer answer = chain.answer(request, models, view, cancel);
            view.finish(answer);
            return ExitCode.OK;
        } catch (HttpStatusException e) {
            return fail(accountSentence(e, settings), ExitCode.CONFIG, e, settings);
        } catch (ChainFailedException e) {
            String kept = e.partialAnswer().isEmpty() ? "" : "; the partial answer was kept";
            return fail(e.getMessage() + kept, ExitCode.FAILED, e, settings);
        } catch (CancelledException e) {
            return fail("interrupted; the answer so far was kept", ExitCode.INTERRUPTED, e, settings);
        } catch (OutputClosedException e) {
            // The reader closed the pipe (| head): the request is already closed; end quietly.
            return ExitCode.OK;
        }
    }

    private int fail(String sentence, int exitCode, Exception cause, ClientSettings settings) {
        try {
            view.fail(redactor.redact(sentence), exitCode);
            // The debug log is a no-op without --debug, so this costs nothing then.
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            settings.debug().accept(trace.toString());
        } catch (OutputClosedException e) {
            // Nowhere left to say it; the exit code still tells.
        }
        return exitCode;
    }

    /** 401 and 402 are about the account; say what to fix rather than which model failed. */
    private static String accountSentence(HttpStatusException e, ClientSettings settings) {
        String server = settings.isOpenRouter() ? "OpenRouter" : "the server";
        String detail = " (" + e.getMessage() + ")";
        if (e.status() == 402) {
            return server + " says the account is out of credits" + detail
                    + "; add credits at https://openrouter.ai/settings/credits or choose a :free model";
        }
        return server + " refused the API key" + detail + "; check " + ApiKeys.ENV + " or the file given to --api-key-file";
    }
}
