package dev.arena.text;

/**
 * Removes the key from a text that arrives in pieces, such as a streamed answer, where the
 * key may be split anywhere between pieces. A piece is passed on at once, except for the
 * shortest tail that could still be the start of the key, when it is longer than
 * {@link Redactor#LIVE_PREFIX} characters: that waits for the next piece (or {@link #finish}).
 * Ordinary text holds nothing back, nor does a piece that ends in the key's first letter or
 * in a backslash; one ending in "sk-" holds back those three characters.
 *
 * <p>Concatenated, the output holds no occurrence of the key, and equals {@link Redactor#redact}
 * of the concatenated input unless a piece ended within the key's first two characters, which
 * were then passed on before the rest was replaced. Not thread-safe; one per stream.
 */
public final class StreamingRedactor implements PieceFilter {

    private final Redactor redactor;
    private final Redactor.Matches matches;
    /** The text kept from earlier pieces: a possible start of the key. */
    private String pending = "";
    /** How many characters of {@link #pending} were passed on already (kept as context only). */
    private int shown;

    StreamingRedactor(Redactor redactor) {
        this.redactor = redactor;
        this.matches = redactor.active() ? redactor.matches() : null;
    }

    /**
     * The part of {@code piece} (after what an earlier piece held back) that can be passed on
     * now, redacted; may be empty. A piece that needs no change comes back as the same instance.
     */
    @Override
    public String feed(String piece) {
        if (!redactor.active()) {
            return piece;
        }
        String text = pending.isEmpty() ? piece : pending + piece;
        String passed = redactor.scan(text, shown, matches, false);
        pending = matches.keepFrom == text.length() ? "" : text.substring(matches.keepFrom);
        shown = matches.keepShown;
        return passed;
    }

    /** The end of the stream: what was held back, which cannot be the key now; may be empty. */
    @Override
    public String finish() {
        String rest = pending.substring(shown);
        pending = "";
        shown = 0;
        return rest;
    }
}
