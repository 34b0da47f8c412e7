package dev.arena.resilience;

import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.Completion;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.OpenRouterClient;
import dev.arena.openrouter.StreamHandler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gets one answer from a chain of models. Each model is retried with backoff on failures
 * that may pass (408, 429, 5xx, network, stall, error event), then the next model takes
 * over. Account problems (401, 402) stop at once: no other model would fare better.
 *
 * <p>A failure after text was shown never repeats or drops that text: the next model is
 * sent the partial answer as a final assistant message and asked to continue it, and its
 * words are appended. The same model is not retried then, since it would start over.
 */
public final class FallbackChain {

    private final OpenRouterClient client;
    private final RateLimits rateLimits;
    private final RetryPolicy retryPolicy;

    public FallbackChain(OpenRouterClient client, RateLimits rateLimits, RetryPolicy retryPolicy) {
        this.client = client;
        this.rateLimits = rateLimits;
        this.retryPolicy = retryPolicy;
    }

    /**
     * Asks {@code models} in order for the answer to {@code request} (whose own model is
     * ignored) and streams it into {@code listener}.
     *
     * @throws HttpStatusException  for 401 or 402, at once
     * @throws ChainFailedException when every model failed; what was shown stays shown
     */
    public Answer answer(ChatRequest request, List<String> models, ChainListener listener, Cancellation cancel)
            throws ChainFailedException, HttpStatusException, CancelledException {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a fallback chain needs at least one model");
        }
        long start = System.nanoTime();
        StringBuilder shown = new StringBuilder();
        StreamHandler handler = new StreamHandler() {
            @Override
            public void onContent(String text) {
                shown.append(text);
                listener.onContent(text);
            }

            @Override
            public void onReasoning(String text) {
                listener.onReasoning(text);
            }
        };
        List<ApiException> failures = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String model = models.get(i);
            for (int retry = 0; ; retry++) {
                rateLimits.acquire(model, listener, cancel);
                boolean continuing = shown.length() > 0;
                ChatRequest attempt = continuing ? request.withModel(model).continuing(shown.toString()) : request.withModel(model);
                listener.onAttempt(model, continuing);
                int shownBefore = shown.length();
                try {
                    Completion completion = client.stream(attempt, handler, cancel);
                    return new Answer(shown.toString(), completion.servedModel(), completion,
                            Duration.ofNanos(System.nanoTime() - start), failures);
                } catch (ApiException e) {
                    if (e instanceof HttpStatusException status && status.isAccountProblem()) {
                        throw status;
                    }
                    failures.add(e);
                    if (!shouldRetry(e, retry, shown.length() > shownBefore, listener, cancel)) {
                        break;
                    }
                }
            }
            if (i + 1 < models.size()) {
                listener.onFallback(failures.get(failures.size() - 1), models.get(i + 1), shown.length() > 0);
            }
        }
        throw new ChainFailedException(failures, shown.toString());
    }

    /**
     * Decides whether to ask the same model again and, if so, waits first: for as long as
     * the server's Retry-After asks, or for the backoff. A Retry-After also pauses the
     * model in the rate limits, so later requests to it wait too.
     */
    private boolean shouldRetry(ApiException failure, int retriesDone, boolean printedText, ChainListener listener,
                                Cancellation cancel) throws CancelledException {
        Optional<Duration> retryAfter = failure.retryAfter();
        retryAfter.ifPresent(wait -> rateLimits.pause(failure.model(), wait));
        if (printedText || !failure.retryable() || retriesDone >= retryPolicy.maxRetries()
                || retryAfter.filter(wait -> !retryPolicy.worthWaiting(wait)).isPresent()) {
            return false;
        }
        Duration delay = retryAfter.orElseGet(() -> retryPolicy.backoff(retriesDone + 1));
        listener.onRetry(failure, delay, retriesDone + 1, retryPolicy.maxRetries());
        cancel.sleep(delay);
        return true;
    }
}
