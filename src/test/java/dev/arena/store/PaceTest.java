package dev.arena.store;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replay's pieces of a text: the text whole, in order, due evenly from its first token to its end. */
class PaceTest {

    private static final Instant FROM = Instant.parse("2026-12-01T10:00:00Z");
    private static final Pace PACED = recorded -> {
    };

    @Property
    void piecesMakeTheTextAndComeDueInOrderWithinItsTime(@ForAll String text, @ForAll @IntRange(max = 60_000) int millis) {
        Instant to = FROM.plusMillis(millis);
        List<Pace.Piece> pieces = PACED.pieces(text, FROM, to);
        assertEquals(text, String.join("", pieces.stream().map(Pace.Piece::text).toList()));
        assertTrue(pieces.size() <= Pace.MAX_PIECES);
        Instant last = FROM;
        for (Pace.Piece piece : pieces) {
            assertFalse(piece.text().isEmpty());
            assertFalse(piece.due().isBefore(last) || piece.due().isAfter(to), piece.toString());
            last = piece.due();
        }
        if (!pieces.isEmpty()) {
            assertEquals(to, last, "the last piece is due when the text ended");
        }
    }

    @Property(tries = 100)
    void noPaceGivesEachTextWhole(@ForAll String text) {
        List<Pace.Piece> pieces = Pace.NONE.pieces(text, FROM, FROM.plusSeconds(5));
        assertEquals(text.isEmpty() ? List.of() : List.of(text), pieces.stream().map(Pace.Piece::text).toList());
    }
}
