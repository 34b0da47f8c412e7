package dev.arena.debate;

import dev.arena.openrouter.ApiException;
import dev.arena.resilience.ChainListener;

import java.time.Duration;

/** Forwards the judge's retries, fallbacks and waits to the debate's listener; its text is not shown. */
final class JudgeNotices implements ChainListener {

    private final DebateListener listener;
    private final String debateId;

    JudgeNotices(DebateListener listener, String debateId) {
        this.listener = listener;
        this.debateId = debateId;
    }

    @Override
    public void onAttempt(String model, boolean continuing) {
    }

    @Override
    public void onContent(String text) {
    }

    @Override
    public void onRetry(ApiException failure, Duration delay, int retry, int maxRetries) {
        listener.retry(debateId, Speaker.JUDGE, failure, delay, retry, maxRetries);
    }

    @Override
    public void onFallback(ApiException failure, String nextModel, boolean continuing) {
        listener.fallback(debateId, Speaker.JUDGE,
                new FallbackNote(failure.model(), nextModel, failure.getMessage(), continuing));
    }

    @Override
    public void onWait(String model, Duration wait, String reason) {
        listener.waiting(debateId, Speaker.JUDGE, model, wait, reason);
    }
}
