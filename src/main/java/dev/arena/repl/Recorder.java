package dev.arena.repl;

import dev.arena.openrouter.ApiException;
import dev.arena.resilience.ChainListener;

import java.time.Duration;

/**
 * Passes a streaming answer on to the view and remembers what the user saw: the text (to
 * keep a cut answer), the model that was speaking, and whether the screen is mid-line.
 */
final class Recorder implements ChainListener {

    private final ChainListener view;
    private final StringBuilder text = new StringBuilder();
    private volatile String model;
    private boolean midLine;

    Recorder(ChainListener view) {
        this.view = view;
    }

    String text() {
        return text.toString();
    }

    String model() {
        return model;
    }

    /** True when the last thing shown did not end its line. */
    boolean midLine() {
        return midLine;
    }

    @Override
    public void onAttempt(String model, boolean continuing) {
        this.model = model;
        view.onAttempt(model, continuing);
    }

    @Override
    public void onContent(String piece) {
        text.append(piece);
        view.onContent(piece);
        midLine = !piece.isEmpty() ? !piece.endsWith("\n") : midLine;
    }

    @Override
    public void onReasoning(String piece) {
        view.onReasoning(piece);
        midLine = !piece.isEmpty() || midLine;
    }

    @Override
    public void onReadDone() {
        view.onReadDone();
    }

    @Override
    public void onRetry(ApiException failure, Duration delay, int retry, int maxRetries) {
        view.onRetry(failure, delay, retry, maxRetries);
        midLine = false;
    }

    @Override
    public void onFallback(ApiException failure, String nextModel, boolean continuing) {
        view.onFallback(failure, nextModel, continuing);
        midLine = false;
    }

    @Override
    public void onWait(String model, Duration wait, String reason) {
        view.onWait(model, wait, reason);
        midLine = false;
    }
}
