package dev.arena.openrouter;

/**
 * Passes a stream's answer and reasoning on in whole code points. A server may end one chunk's
 * text with the high half of a surrogate pair and start the next with the low half (JSON lets
 * it write {@code "\ud83d"} and then {@code "\ude00"}); every consumer that encodes a piece on
 * its own (the terminal, a Markdown or JSON Lines transcript) would then write each half as
 * '?', and the emoji would be lost. So a trailing high surrogate waits for the next piece of
 * the same kind, and is passed on alone only when something else comes first or the stream
 * ends: then it really was half a character.
 */
final class WholeCodePoints implements StreamHandler {

    private final StreamHandler handler;
    private final HeldHalf content = new HeldHalf();
    private final HeldHalf reasoning = new HeldHalf();

    WholeCodePoints(StreamHandler handler) {
        this.handler = handler;
    }

    @Override
    public void onContent(String text) {
        flushReasoning();
        String whole = content.join(text);
        if (!whole.isEmpty()) {
            handler.onContent(whole);
        }
    }

    @Override
    public void onReasoning(String text) {
        flushContent();
        String whole = reasoning.join(text);
        if (!whole.isEmpty()) {
            handler.onReasoning(whole);
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

    /** The stream ended: a half character still held is passed on as it came. */
    void finish() {
        if (flushReasoning() | flushContent()) {
            handler.onReadDone();
        }
    }

    private boolean flushContent() {
        String rest = content.take();
        if (!rest.isEmpty()) {
            handler.onContent(rest);
        }
        return !rest.isEmpty();
    }

    private boolean flushReasoning() {
        String rest = reasoning.take();
        if (!rest.isEmpty()) {
            handler.onReasoning(rest);
        }
        return !rest.isEmpty();
    }

    /** The high surrogate that ended the last piece of one kind of text, if it did. */
    private static final class HeldHalf {
        private String high = "";

        /** What was held, then {@code text} less a high surrogate at its end, which is held instead. */
        String join(String text) {
            String whole = high.isEmpty() ? text : high + text;
            int last = whole.length() - 1;
            if (last >= 0 && Character.isHighSurrogate(whole.charAt(last))) {
                high = whole.substring(last);
                return whole.substring(0, last);
            }
            high = "";
            return whole;
        }

        String take() {
            String rest = high;
            high = "";
            return rest;
        }
    }
}
