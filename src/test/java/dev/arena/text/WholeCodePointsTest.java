package dev.arena.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WholeCodePointsTest {

    @Test
    void aHighSurrogateAtTheEndWaitsForItsOtherHalf() {
        WholeCodePoints whole = new WholeCodePoints();
        assertEquals("smile ", whole.feed("smile \ud83d"));
        assertEquals("\ud83d\ude00 ok", whole.feed("\ude00 ok"));
        assertEquals("", whole.finish());
    }

    @Test
    void aPieceThatIsOnlyAHalfWaitsAndAnEmptyPieceChangesNothing() {
        WholeCodePoints whole = new WholeCodePoints();
        assertEquals("", whole.feed("\ud83d"));
        assertEquals("", whole.feed(""));
        assertEquals("\ud83d\ude00", whole.feed("\ude00"));
    }

    @Test
    void aHalfWithoutItsOtherHalfIsPassedOnAsItCame() {
        WholeCodePoints whole = new WholeCodePoints();
        assertEquals("a", whole.feed("a\ud83d"));
        assertEquals("\ud83db", whole.feed("b"), "what follows is not a low half: the high one goes on alone");
        assertEquals("", whole.feed("\ud83d"));
        assertEquals("\ud83d", whole.finish(), "at the end it was half a character");
    }

    @Test
    void filtersChainedWithThenEachSeeWhatTheOnePassed() {
        PieceFilter chain = new Redactor("sk-or-v1-0123456789").streaming().then(new WholeCodePoints());
        String out = chain.feed("x \ud83d") + chain.feed("\ude00 sk-or-v1-01") + chain.feed("23456789 y\ud83d") + chain.finish();
        assertEquals("x \ud83d\ude00 [redacted] y\ud83d", out);
    }
}
