package dev.arena.demo;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoNoticesTest {

    @Test
    void theRealCommandToRunQuotesTheTopicAsAShellReadsIt() {
        assertEquals("'It'\\''s $HOME'", DemoNotices.quoted("It's $HOME"));
        assertTrue(DemoNotices.end("It's fine", null).endsWith("  arena debate 'It'\\''s fine'\n"));
    }

    @Test
    void theEndSaysWhereTheTranscriptIsOnlyWhenItWasWrittenWhole() {
        assertTrue(DemoNotices.end("t", Path.of("/tmp/d/demo.md")).contains("The transcript is in /tmp/d/demo.md\n"));
        assertFalse(DemoNotices.end("t", null).contains("transcript"));
    }

    @Test
    void bothEndsSayItIsScripted() {
        assertTrue(DemoNotices.start().contains("scripted") && DemoNotices.start().contains("no key, no network"));
        assertTrue(DemoNotices.end("t", null).contains("that was scripted")
                && DemoNotices.end("t", null).contains("https://openrouter.ai/keys"));
    }
}
