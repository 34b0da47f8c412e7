package dev.arena.openrouter;

import dev.arena.text.PieceFilter;

import java.util.function.Supplier;

/**
 * Passes a stream's answer and reasoning on through {@link PieceFilter}s (the key's redactor,
 * whole code points), one for each kind of text, since a change may span two chunks of the
 * same kind. Switching from one kind to the other passes on what the other held, so the two
 * keep their order; {@link #finish} passes on what is still held when the stream ends.
 */
final class FilteredHandler implements StreamHandler {

    private final StreamHandler handler;
    private final PieceFilter content;
    private final PieceFilter reasoning;

    FilteredHandler(StreamHandler handler, Supplier<PieceFilter> filters) {
        this.handler = handler;
        this.content = filters.get();
        this.reasoning = filters.get();
    }

    @Override
    public void onContent(String text) {
        flushReasoning();
        String passed = content.feed(text);
        if (!passed.isEmpty()) {
            handler.onContent(passed);
        }
    }

    @Override
    public void onReasoning(String text) {
        flushContent();
        String passed = reasoning.feed(text);
        if (!passed.isEmpty()) {
            handler.onReasoning(passed);
        }
    }

    @Override
    public void onReadDone() {
        handler.onReadDone();
    }

    @Override
    public boolean wantsMore() {
        return handler.wantsMore();
    }

    /** The stream ended: what was held back is passed on as it must now stand. */
    void finish() {
        if (flushReasoning() | flushContent()) {
            handler.onReadDone();
        }
    }

    private boolean flushReasoning() {
        String rest = reasoning.finish();
        if (!rest.isEmpty()) {
            handler.onReasoning(rest);
        }
        return !rest.isEmpty();
    }

    private boolean flushContent() {
        String rest = content.finish();
        if (!rest.isEmpty()) {
            handler.onContent(rest);
        }
        return !rest.isEmpty();
    }
}
