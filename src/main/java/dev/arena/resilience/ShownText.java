package dev.arena.resilience;

import dev.arena.openrouter.StreamHandler;

/**
 * The text of an answer shown so far, kept so that a fallback model can continue it. Only
 * up to a limit is kept, so that memory stays flat however long the answer grows; past the
 * limit, a failure can no longer be handed to another model.
 */
final class ShownText implements StreamHandler {

    private final StringBuilder kept = new StringBuilder();
    private final int limit;
    private final ChainListener listener;
    private long length;

    ShownText(int limit, ChainListener listener) {
        this.limit = limit;
        this.listener = listener;
    }

    @Override
    public void onContent(String text) {
        length += text.length();
        if (length <= limit) {
            kept.append(text);
        }
        listener.onContent(text);
    }

    @Override
    public void onReasoning(String text) {
        listener.onReasoning(text);
    }

    @Override
    public void onReadDone() {
        listener.onReadDone();
    }

    /** Characters shown, kept or not. */
    long length() {
        return length;
    }

    /** True while every character shown is kept, so the answer can still be continued. */
    boolean continuable() {
        return length <= limit;
    }

    /** The text shown, or its first {@code limit} characters when longer. */
    String text() {
        return kept.toString();
    }
}
