package dev.arena.text;

/**
 * Removes the key from a text that arrives in pieces, such as a streamed answer, where the
 * key may be split anywhere between pieces. A piece is passed on at once, except for the
 * shortest tail that could still be the start of the key: that waits for the next piece (or
 * {@link #finish}). Ordinary text holds nothing back; a piece that ends in the key's first
 * letter, or in a backslash that may begin a JSON escape, holds back that much.
 *
 * <p>Pieces in, pieces out: concatenated, the output equals {@link Redactor#redact} of the
 * concatenated input. Not thread-safe; one per stream.
 */
public final class StreamingRedactor {

    private final Redactor redactor;
    private final Redactor.Matches matches;
    private String pending = "";

    StreamingRedactor(Redactor redactor) {
        this.redactor = redactor;
        this.matches = redactor.active() ? redactor.matches() : null;
    }

    /**
     * The part of {@code piece} (after what an earlier piece held back) that can be passed on
     * now, redacted; may be empty. A piece that needs no change comes back as the same instance.
     */
    public String feed(String piece) {
        if (!redactor.active()) {
            return piece;
        }
        String text = pending.isEmpty() ? piece : pending + piece;
        String passed = redactor.scan(text, matches, false);
        pending = matches.held == text.length() ? "" : text.substring(matches.held);
        return passed;
    }

    /** The end of the stream: what was held back, which cannot be the key now; may be empty. */
    public String finish() {
        String rest = pending;
        pending = "";
        return rest;
    }
}
