package dev.arena.store;

import dev.arena.openrouter.CancelledException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How a stored entry is played back: {@link #NONE} at once, each text whole ({@code logs show},
 * {@code logs export}); or at a pace ({@code replay}), which is told the recorded time of each
 * event before it is given and waits as it sees fit, and which gets each text in pieces spread
 * over the time it took to arrive.
 */
public interface Pace {

    /** No waiting, and every text in one piece. */
    Pace NONE = new Pace() {
        @Override
        public void reach(Instant recorded) {
        }

        @Override
        public boolean piecewise() {
            return false;
        }
    };

    /** The most pieces one text is played in: enough to look like streaming, few enough to keep each wait meaningful. */
    int MAX_PIECES = 400;

    /** Called before each event with the time it happened; returns when the replay may give it. */
    void reach(Instant recorded) throws CancelledException;

    /** Whether texts are given in pieces (a replay) rather than whole. */
    default boolean piecewise() {
        return true;
    }

    /** A piece of a text and when, evenly spread from its first token to its end, it is due. */
    record Piece(String text, Instant due) {
    }

    /**
     * {@code text} as this pace gives it: whole, or in pieces of whole words (each with the
     * space after it, so no character is split) due evenly from {@code from} to {@code to}.
     */
    default List<Piece> pieces(String text, Instant from, Instant to) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (!piecewise() || from == null || to == null) {
            return List.of(new Piece(text, to));
        }
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            boolean end = i == text.length()
                    || Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i));
            if (end) {
                words.add(text.substring(start, i));
                start = i;
            }
        }
        int per = (words.size() + MAX_PIECES - 1) / MAX_PIECES;
        List<Piece> pieces = new ArrayList<>();
        Duration span = to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        int count = (words.size() + per - 1) / per;
        for (int p = 0; p < count; p++) {
            String piece = String.join("", words.subList(p * per, Math.min(words.size(), (p + 1) * per)));
            pieces.add(new Piece(piece, from.plus(span.multipliedBy(p + 1).dividedBy(count))));
        }
        return pieces;
    }
}
