package dev.arena.resilience;

import dev.arena.catalog.CostEstimator;
import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.Completion;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.OpenRouterClient;
import dev.arena.openrouter.Usage;

import java.time.Duration;
import java.time.Instant;
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
public final class FallbackChain implements Answerer {

    private final OpenRouterClient client;
    private final RateLimits rateLimits;
    private final RetryPolicy retryPolicy;
    private final int continuationLimit;
    private final int answerLimit;
    private final RequestLog log;
    private final CostEstimator costs;

    /** A chain that keeps every answer whole, however long. */
    public FallbackChain(OpenRouterClient client, RateLimits rateLimits, RetryPolicy retryPolicy) {
        this(client, rateLimits, retryPolicy, Integer.MAX_VALUE);
    }

    /**
     * A chain that keeps at most {@code continuationLimit} characters of an answer, so memory
     * stays flat on endless answers; a failure past that point ends the chain, since the
     * next model could not be told the whole answer to continue.
     */
    public FallbackChain(OpenRouterClient client, RateLimits rateLimits, RetryPolicy retryPolicy, int continuationLimit) {
        this(client, rateLimits, retryPolicy, continuationLimit, Integer.MAX_VALUE, RequestLog.NONE, CostEstimator.NONE);
    }

    private FallbackChain(OpenRouterClient client, RateLimits rateLimits, RetryPolicy retryPolicy, int continuationLimit,
                          int answerLimit, RequestLog log, CostEstimator costs) {
        this.client = client;
        this.rateLimits = rateLimits;
        this.retryPolicy = retryPolicy;
        this.continuationLimit = continuationLimit;
        this.answerLimit = answerLimit;
        this.log = log;
        this.costs = costs;
    }

    /** This chain, reporting every request it makes to {@code log} (the store). */
    public FallbackChain recordingTo(RequestLog log) {
        return new FallbackChain(client, rateLimits, retryPolicy, continuationLimit, answerLimit, log, costs);
    }

    /**
     * This chain, pricing every answer whose server reported tokens but no cost (Ollama, vLLM)
     * from the catalogue's prices, marked {@link Usage#costEstimated()}: the answer's usage and
     * the record of the request carry the same cost, priced once.
     */
    public FallbackChain pricedWith(CostEstimator costs) {
        return new FallbackChain(client, rateLimits, retryPolicy, continuationLimit, answerLimit, log, costs);
    }

    /**
     * This chain (same client, rate limits and retries), but its answers end at
     * {@code maxChars} characters, or at its own limit when that is smaller: the request
     * is closed there and the answer's finish reason is {@link Completion#CUT}.
     */
    public FallbackChain cuttingAnswersAt(int maxChars) {
        return new FallbackChain(client, rateLimits, retryPolicy, continuationLimit, Math.min(answerLimit, maxChars), log,
                costs);
    }

    @Override
    public int answerLimit() {
        return answerLimit;
    }

    /**
     * Asks {@code models} in order for the answer to {@code request} (whose own model is
     * ignored) and streams it into {@code listener}. The request is recorded under {@code tag}
     * when it is sent and again when it ends, however it ends.
     *
     * @throws HttpStatusException  for 401 or 402, at once
     * @throws ChainFailedException when every model failed; what was shown stays shown
     */
    @Override
    public Answer answer(ChatRequest request, List<String> models, ChainListener listener, Cancellation cancel,
                         RequestTag tag) throws ChainFailedException, HttpStatusException, CancelledException {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a fallback chain needs at least one model");
        }
        RequestTracker tracker = new RequestTracker(listener, log.started(tag, request, models, Instant.now()));
        ShownText shown = new ShownText(continuationLimit, answerLimit, tracker);
        try {
            Answer answer = answer(request, models, tracker, cancel, shown);
            tracker.answered(answer, shown.length());
            return answer;
        } catch (ChainFailedException | HttpStatusException e) {
            tracker.ended(RequestOutcome.Ending.FAILED, shown.text(), shown.length(), e.getMessage());
            throw e;
        } catch (CancelledException e) {
            tracker.ended(RequestOutcome.Ending.INTERRUPTED, shown.text(), shown.length(), "interrupted");
            throw e;
        } catch (RuntimeException e) {
            // The view failed (stdout closed, a full disk): the answer was stopped there.
            tracker.ended(RequestOutcome.Ending.INTERRUPTED, shown.text(), shown.length(), e.getMessage());
            throw e;
        }
    }

    private Answer answer(ChatRequest request, List<String> models, ChainListener listener, Cancellation cancel,
                          ShownText shown) throws ChainFailedException, HttpStatusException, CancelledException {
        long start = System.nanoTime();
        List<ApiException> failures = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String model = models.get(i);
            for (int retry = 0; ; retry++) {
                rateLimits.acquire(model, listener, cancel);
                boolean continuing = shown.length() > 0;
                ChatRequest attempt = continuing ? request.withModel(model).continuing(shown.text()) : request.withModel(model);
                listener.onAttempt(model, continuing);
                long shownBefore = shown.length();
                try {
                    Completion completion = priced(client.stream(attempt, shown, cancel));
                    return new Answer(shown.text(), completion.servedModel(), completion,
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
            if (!shown.continuable()) {
                break;
            }
            if (i + 1 < models.size()) {
                listener.onFallback(failures.get(failures.size() - 1), models.get(i + 1), shown.length() > 0);
            }
        }
        throw new ChainFailedException(failures, shown.text());
    }

    private Completion priced(Completion completion) {
        Usage usage = costs.complete(completion.servedModel(), completion.usage());
        return usage == completion.usage() ? completion : completion.withUsage(usage);
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
