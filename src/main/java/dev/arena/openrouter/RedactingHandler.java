package dev.arena.openrouter;

import dev.arena.text.Redactor;
import dev.arena.text.StreamingRedactor;

/**
 * Passes a stream's answer and reasoning on without the key, which the server may have split
 * across chunks: each kind of text has its own {@link StreamingRedactor}, and only a tail that
 * may begin the key waits for the next chunk. Switching from one kind to the other passes on
 * what the other held, so the two keep their order.
 */
final class RedactingHandler implements StreamHandler {

    private final StreamHandler handler;
    private final StreamingRedactor content;
    private final StreamingRedactor reasoning;

    RedactingHandler(StreamHandler handler, Redactor redactor) {
        this.handler = handler;
        this.content = redactor.streaming();
        this.reasoning = redactor.streaming();
    }

    @Override
    public void onContent(String text) {
        flushReasoning();
        String shown = content.feed(text);
        if (!shown.isEmpty()) {
            handler.onContent(shown);
        }
    }

    @Override
    public void onReasoning(String text) {
        flushContent();
        String shown = reasoning.feed(text);
        if (!shown.isEmpty()) {
            handler.onReasoning(shown);
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

    /** The stream ended: what was held back cannot be the key any more, so it is passed on. */
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
