package dev.arena.fake;

import dev.arena.openrouter.ApiException;
import dev.arena.resilience.ChainListener;

import java.time.Duration;

/** A chain listener that hears everything and shows nothing: for tests that look only at the answer. */
public final class QuietChainListener implements ChainListener {

    public static final ChainListener QUIET = new QuietChainListener();

    private QuietChainListener() {
    }

    @Override
    public void onAttempt(String model, boolean continuing) {
    }

    @Override
    public void onContent(String text) {
    }

    @Override
    public void onRetry(ApiException failure, Duration delay, int retry, int maxRetries) {
    }

    @Override
    public void onFallback(ApiException failure, String nextModel, boolean continuing) {
    }

    @Override
    public void onWait(String model, Duration wait, String reason) {
    }
}
