package dev.arena.fake;

import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.Completion;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.Answer;
import dev.arena.resilience.Answerer;
import dev.arena.resilience.ChainFailedException;
import dev.arena.resilience.ChainListener;
import dev.arena.resilience.RequestTag;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Answerer} without HTTP: each model answers from its own script, one reply per
 * request, and every request is recorded. Like the fallback chain, a model that fails hands
 * the request to the next of the chain (without retries), and 401 or 402 stops at once.
 */
public final class ScriptedAnswerer implements Answerer {

    /** One request as it was asked. */
    public record Asked(ChatRequest request, List<String> models, RequestTag tag) {
    }

    /**
     * What a model does when asked: stream {@code pieces} and finish with {@code usage}; or fail
     * before its first token with HTTP {@code status}; or, with {@code cancels}, stream the pieces
     * and then be stopped by the user (Ctrl-C).
     */
    public record Reply(List<String> pieces, Usage usage, int status, String error, boolean cancels) {

        public static Reply text(String... pieces) {
            return new Reply(Arrays.asList(pieces), Usage.NONE, 0, null, false);
        }

        /** The model fails before its first token (HTTP 500), so the next one is asked. */
        public static Reply fails(String error) {
            return new Reply(List.of(), Usage.NONE, 500, error, false);
        }

        /** The server refuses the account (401 or 402): no fallback helps. */
        public static Reply refused(int status) {
            return new Reply(List.of(), Usage.NONE, status, status == 401 ? "Invalid API key" : "Insufficient credits",
                    false);
        }

        /** The pieces are shown, then the user presses Ctrl-C. */
        public static Reply cancelsAfter(String... pieces) {
            return new Reply(Arrays.asList(pieces), Usage.NONE, 0, null, true);
        }

        public Reply usage(long promptTokens, long completionTokens, Double cost) {
            return new Reply(pieces, new Usage(promptTokens, completionTokens, cost), status, error, cancels);
        }

        private HttpStatusException failure(String model) {
            return status == 0 ? null : new HttpStatusException(model, status, error, null, null);
        }
    }

    private final Map<String, Deque<Reply>> scripts = new HashMap<>();
    private final List<Asked> asked = new ArrayList<>();
    private final int answerLimit;

    /** Answers end at {@code answerLimit} characters, cut as the fallback chain cuts them. */
    public ScriptedAnswerer(int answerLimit) {
        this.answerLimit = answerLimit;
    }

    /** Adds {@code replies} to what {@code model} answers, in order. */
    public synchronized ScriptedAnswerer script(String model, Reply... replies) {
        scripts.computeIfAbsent(model, m -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    /** Every request so far, in the order asked. */
    public synchronized List<Asked> asked() {
        return List.copyOf(asked);
    }

    @Override
    public int answerLimit() {
        return answerLimit;
    }

    @Override
    public Answer answer(ChatRequest request, List<String> models, ChainListener listener, Cancellation cancel,
                         RequestTag tag) throws ChainFailedException, HttpStatusException, CancelledException {
        synchronized (this) {
            asked.add(new Asked(request, models, tag));
        }
        List<ApiException> failures = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String model = models.get(i);
            cancel.throwIfCancelled();
            listener.onAttempt(model, false);
            Reply reply = next(model);
            HttpStatusException failure = reply.failure(model);
            if (failure != null) {
                if (failure.isAccountProblem()) {
                    throw failure;
                }
                failures.add(failure);
                if (i + 1 < models.size()) {
                    listener.onFallback(failure, models.get(i + 1), false);
                }
                continue;
            }
            return stream(reply, model, listener, cancel, failures);
        }
        throw new ChainFailedException(failures, "");
    }

    private Answer stream(Reply reply, String model, ChainListener listener, Cancellation cancel,
                          List<ApiException> failures) throws CancelledException {
        StringBuilder text = new StringBuilder();
        boolean cut = false;
        for (String piece : reply.pieces()) {
            if (text.length() + piece.length() > answerLimit) {
                piece = piece.substring(0, answerLimit - text.length());
                cut = true;
            }
            text.append(piece);
            listener.onContent(piece);
            if (cut) {
                break;
            }
        }
        if (reply.cancels()) {
            cancel.cancel();
            throw new CancelledException();
        }
        Completion completion = new Completion(model, cut ? Completion.CUT : "stop", reply.usage(), null, null);
        return new Answer(text.toString(), model, completion, Duration.ZERO, failures);
    }

    private synchronized Reply next(String model) {
        Deque<Reply> script = scripts.get(model);
        if (script == null || script.isEmpty()) {
            throw new IllegalStateException("no reply scripted for " + model);
        }
        return script.removeFirst();
    }
}
