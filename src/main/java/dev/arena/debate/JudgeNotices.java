package dev.arena.debate;

import dev.arena.openrouter.ApiException;
import dev.arena.resilience.ChainListener;

import java.time.Duration;

/** Forwards the judge's retries, fallbacks and waits to the debate's listener; its text is not shown. */
final class JudgeNotices implements ChainListener {

    private static final String WHO = "Judge";

    private final DebateListener listener;

    JudgeNotices(DebateListener listener) {
        this.listener = listener;
    }

    @Override
    public void onAttempt(String model, boolean continuing) {
    }

    @Override
    public void onContent(String text) {
    }

    @Override
    public void onRetry(ApiException failure, Duration delay, int retry, int maxRetries) {
        listener.retry(WHO, failure, delay, retry, maxRetries);
    }

    @Override
    public void onFallback(ApiException failure, String nextModel, boolean continuing) {
        listener.fallback(WHO, new FallbackNote(failure.model(), nextModel, failure.getMessage(), continuing));
    }

    @Override
    public void onWait(String model, Duration wait, String reason) {
        listener.waiting(WHO, model, wait, reason);
    }
}
