package dev.arena.resilience;

import dev.arena.openrouter.StreamHandler;

/**
 * The text of an answer shown so far, kept so that a fallback model can continue it. Only
 * up to a limit is kept, so that memory stays flat however long the answer grows; past the
 * limit, a failure can no longer be handed to another model. At {@code cutAt} characters
 * the answer ends: nothing more is shown, and the client is told to stop reading.
 */
final class ShownText implements StreamHandler {

    private final StringBuilder kept = new StringBuilder();
    private final int limit;
    private final long cutAt;
    private final ChainListener listener;
    private long length;
    private boolean cut;

    ShownText(int limit, long cutAt, ChainListener listener) {
        this.limit = limit;
        this.cutAt = cutAt;
        this.listener = listener;
    }

    @Override
    public void onContent(String text) {
        if (!wantsMore()) {
            return;
        }
        if (length + text.length() > cutAt) {
            int end = (int) (cutAt - length);
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never half a character: the cut text may end one char short
            }
            text = text.substring(0, end);
            cut = true;
        }
        length += text.length();
        if (length <= limit) {
            kept.append(text);
        }
        if (!text.isEmpty()) {
            listener.onContent(text);
        }
    }

    @Override
    public void onReasoning(String text) {
        listener.onReasoning(text);
    }

    @Override
    public void onReadDone() {
        listener.onReadDone();
    }

    @Override
    public boolean wantsMore() {
        return !cut && length < cutAt;
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
