package dev.arena.sse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The byte form of the parser's events: the same events as {@link SseEvent}s, with the data as a
 * range of the parser's buffer that is only valid during the call.
 */
class SseBytesListenerTest {

    @Test
    void offsetAndLengthCoverExactlyTheDataOfEventsSpanningFeeds() {
        byte[] stream = utf8("data: first 日本\r\ndata: 😀 line\r\n\r\nevent: e\nid: 7\nretry: 10\ndata: {\"a\":1}\n\n");
        List<byte[]> data = new ArrayList<>();
        List<String> meta = new ArrayList<>();
        SseParser parser = new SseParser((type, bytes, offset, length, lastEventId, retry) -> {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            data.add(Arrays.copyOfRange(bytes, offset, offset + length));
            meta.add(type + " " + lastEventId + " " + retry);
        });
        // Reads of 5 bytes: every event, line and multi-byte character spans several feeds.
        for (int off = 0; off < stream.length; off += 5) {
            parser.feed(stream, off, Math.min(5, stream.length - off));
        }
        parser.finish();

        assertEquals(2, data.size());
        assertArrayEquals(utf8("first 日本\n😀 line"), data.get(0));
        assertArrayEquals(utf8("{\"a\":1}"), data.get(1));
        assertEquals(List.of("message null null", "e 7 10"), meta);
    }

    @Test
    void theDataIsTheParsersOwnBufferSoOnlyValidDuringTheCall() {
        List<byte[]> arrays = new ArrayList<>();
        List<String> seenDuringCall = new ArrayList<>();
        SseParser parser = new SseParser((type, bytes, offset, length, lastEventId, retry) -> {
            arrays.add(bytes);
            seenDuringCall.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
        });
        byte[] stream = utf8("data: first\n\ndata: other\n\n");
        parser.feed(stream, 0, stream.length);

        assertEquals(List.of("first", "other"), seenDuringCall);
        // A listener that kept the first array would now read the second event's data through it.
        assertSame(arrays.get(0), arrays.get(1));
        assertNotEquals("first", new String(arrays.get(0), 0, 5, StandardCharsets.UTF_8));
        // Nor is it the caller's array, which the caller may reuse as soon as feed returns.
        assertNotSame(stream, arrays.get(0));
    }

    @Test
    void aListenerThatThrowsLeavesTheParserConsistent() {
        List<SseEvent> events = new ArrayList<>();
        SseBytesListener copy = copying(events);
        SseParser parser = new SseParser((type, bytes, offset, length, lastEventId, retry) -> {
            if (new String(bytes, offset, length, StandardCharsets.UTF_8).equals("boom")) {
                throw new IllegalStateException("listener failed");
            }
            copy.onEvent(type, bytes, offset, length, lastEventId, retry);
        });
        byte[] first = utf8("event: x\nretry: 5\ndata: boom\n\n");
        assertThrows(IllegalStateException.class, () -> parser.feed(first, 0, first.length));
        byte[] second = utf8("data: next\n\n");
        parser.feed(second, 0, second.length);
        assertEquals(List.of(new SseEvent(null, "next", null, null)), events);
    }

    @Test
    void rejectsANullListener() {
        assertThrows(NullPointerException.class, () -> new SseParser((SseBytesListener) null));
    }

    /** A listener that decodes a copy of each event, so events can be compared after the calls. */
    private static SseBytesListener copying(List<SseEvent> events) {
        return (type, bytes, offset, length, lastEventId, retry) -> {
            byte[] copy = Arrays.copyOfRange(bytes, offset, offset + length);
            events.add(new SseEvent(type, new String(copy, StandardCharsets.UTF_8), lastEventId, retry));
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
