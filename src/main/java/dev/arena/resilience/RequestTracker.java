package dev.arena.resilience;

import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.Completion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches one answer through the chain for the record, passing every event on to the view: when
 * the first text came, the reasoning, the retries and the models fallen back from. One per
 * request; it tells the log once, however the answer ends.
 */
final class RequestTracker implements ChainListener {

    /** Reasoning kept for the record; an endless reasoning stream keeps only its start. */
    static final int REASONING_LIMIT = 1_000_000;

    private final ChainListener view;
    private final RequestLog.Pending pending;
    private final StringBuilder reasoning = new StringBuilder();
    private final List<RequestOutcome.Failure> fallbacks = new ArrayList<>();
    private volatile Instant firstTokenAt;
    private int retries;
    private boolean ended;

    RequestTracker(ChainListener view, RequestLog.Pending pending) {
        this.view = view;
        this.pending = pending;
    }

    @Override
    public void onAttempt(String model, boolean continuing) {
        view.onAttempt(model, continuing);
    }

    @Override
    public void onContent(String text) {
        if (firstTokenAt == null && !text.isEmpty()) {
            firstTokenAt = Instant.now();
        }
        view.onContent(text);
    }

    @Override
    public void onReasoning(String text) {
        if (firstTokenAt == null && !text.isEmpty()) {
            firstTokenAt = Instant.now();
        }
        if (reasoning.length() < REASONING_LIMIT) {
            reasoning.append(text, 0, Math.min(text.length(), REASONING_LIMIT - reasoning.length()));
        }
        view.onReasoning(text);
    }

    @Override
    public void onReadDone() {
        view.onReadDone();
    }

    @Override
    public void onRetry(ApiException failure, Duration delay, int retry, int maxRetries) {
        retries++;
        view.onRetry(failure, delay, retry, maxRetries);
    }

    @Override
    public void onFallback(ApiException failure, String nextModel, boolean continuing) {
        fallbacks.add(new RequestOutcome.Failure(failure.model(), failure.getMessage()));
        view.onFallback(failure, nextModel, continuing);
    }

    @Override
    public void onWait(String model, Duration wait, String reason) {
        view.onWait(model, wait, reason);
    }

    /** The chain got its answer. */
    void answered(Answer answer, long shownChars) {
        Completion c = answer.completion();
        end(c.cut() ? RequestOutcome.Ending.CUT : RequestOutcome.Ending.COMPLETE, answer.answeringModel(), c,
                answer.text(), shownChars, null);
    }

    /** The chain ended without an answer: every model failed, the account was refused, or the user stopped it. */
    void ended(RequestOutcome.Ending ending, String text, long shownChars, String error) {
        end(ending, null, null, text, shownChars, error);
    }

    private void end(RequestOutcome.Ending ending, String model, Completion completion, String text, long shownChars,
                     String error) {
        if (ended) {
            return;
        }
        ended = true;
        pending.ended(new RequestOutcome(ending, model, completion == null ? null : completion.provider(),
                completion == null ? null : completion.generationId(), text, shownChars, reasoning.toString(),
                completion == null ? null : completion.usage(), firstTokenAt, Instant.now(), retries, fallbacks,
                completion == null ? null : completion.finishReason(), error));
    }
}
