package dev.arena.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Examples of what {@link RedactorPropertiesTest} holds for any text: what is held back, and when. */
class RedactorTest {

    private static final String KEY = "sk-or-v1-0123456789abcdef";

    @Test
    void theKeyInAnyCaseOrJsonEscapedIsReplaced() {
        Redactor redactor = new Redactor(KEY);
        assertEquals("bad key [redacted] and [redacted], \"[redacted]\"",
                redactor.redact("bad key " + KEY + " and SK-OR-V1-0123456789ABCDEF, \"\\u0073k-or-v1-0123456789abc\\u0064ef\""));
    }

    @Test
    void ordinaryTextIsPassedOnAtOnceAsTheSameInstance() {
        StreamingRedactor streaming = new Redactor(KEY).streaming();
        String token = "Hello, world.";
        assertSame(token, streaming.feed(token));
        assertEquals("", streaming.finish());
    }

    @Test
    void onlyATailOfMoreThanTwoCharactersThatMayStartTheKeyWaitsForTheNextPiece() {
        StreamingRedactor streaming = new Redactor(KEY).streaming();
        assertEquals("the models ", streaming.feed("the models sk-or"));
        assertEquals("[redacted] are", streaming.feed("-v1-0123456789abcdef are"));
        String token = "it is s";
        assertSame(token, streaming.feed(token), "one letter that may begin the key is shown at once");
        assertEquals("k", streaming.feed("k"));
        assertEquals("", streaming.feed("-o"), "now three may begin it: they wait");
        assertEquals("[redacted]!", streaming.feed("r-v1-0123456789abcdef!"),
                "the two shown are all of the key that was");
        assertEquals("", streaming.feed("Sk-"));
        assertEquals("Sk-", streaming.finish(), "the end of the stream passes on what was held");
    }

    @Test
    void aBackslashThatMayBeginAnEscapeIsShownAndTheEscapedKeyStillReplaced() {
        StreamingRedactor streaming = new Redactor(KEY).streaming();
        assertEquals("path C:\\", streaming.feed("path C:\\"));
        assertEquals("temp \\", streaming.feed("temp \\"));
        assertEquals("", streaming.feed("u0073k-or-v1-0123456789"));
        assertEquals("[redacted]", streaming.feed("abcdef"));
        assertEquals("", streaming.finish());
    }

    @Test
    void keysShorterThanEightCharactersAreNotRedacted() {
        assertEquals("ollama says ollama", new Redactor("ollama").redact("ollama says ollama"));
        assertEquals("text", Redactor.NONE.redact("text"));
        assertEquals("a [redacted] b", new Redactor("12345678").redact("a 12345678 b"));
    }

    @Test
    void aKeyTheMarkerCouldSpellGetsAnotherMarker() {
        assertEquals("x ********** y", new Redactor("redacted").redact("x redacted y"));
        assertEquals("**********abcd", new Redactor("ted]abcd").redact("ted]abcdabcd"),
                "[redacted] would spell the key again with what follows");
    }
}
