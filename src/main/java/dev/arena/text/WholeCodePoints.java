package dev.arena.text;

/**
 * Passes text on in whole code points. A server may end one chunk's text with the high half of
 * a surrogate pair and start the next with the low half (JSON lets it write {@code "\ud83d"}
 * and then {@code "\ude00"}); every consumer that encodes a piece on its own (the terminal, a
 * Markdown or JSON Lines transcript) would then write each half as '?', and the emoji would be
 * lost. So a trailing high surrogate waits for the next piece, and is passed on alone only when
 * the text ends: then it really was half a character.
 */
public final class WholeCodePoints implements PieceFilter {

    /** The high surrogate that ended the last piece, or "". */
    private String high = "";

    @Override
    public String feed(String piece) {
        if (piece.isEmpty()) {
            return "";
        }
        String whole = high.isEmpty() ? piece : high + piece;
        int last = whole.length() - 1;
        if (Character.isHighSurrogate(whole.charAt(last))) {
            high = whole.substring(last);
            return whole.substring(0, last);
        }
        high = "";
        return whole;
    }

    @Override
    public String finish() {
        String rest = high;
        high = "";
        return rest;
    }
}
