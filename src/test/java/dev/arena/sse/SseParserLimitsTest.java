package dev.arena.sse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A stream without line ends must not grow the parser until memory runs out. */
class SseParserLimitsTest {

    @Test
    void aLineWithoutEndIsRefusedPastTheLimit() {
        SseParser parser = new SseParser(event -> { });
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        chunk[0] = 'd';
        assertThrows(EventTooLargeException.class, () -> {
            for (long fed = 0; fed <= SseParser.MAX_EVENT_BYTES + chunk.length; fed += chunk.length) {
                parser.feed(chunk, 0, chunk.length);
            }
        });
    }

    @Test
    void anEventJustUnderTheLimitStillParses() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        byte[] prefix = "data: ".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[SseParser.MAX_EVENT_BYTES / 2];
        Arrays.fill(body, (byte) 'y');
        parser.feed(prefix, 0, prefix.length);
        for (int off = 0; off < body.length; off += 8192) {
            parser.feed(body, off, Math.min(8192, body.length - off));
        }
        parser.feed("\n\n".getBytes(StandardCharsets.US_ASCII), 0, 2);
        assertEquals(1, events.size());
        assertEquals(body.length, events.get(0).data().length());
    }
}
