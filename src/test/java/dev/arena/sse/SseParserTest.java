package dev.arena.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Table-driven tests in the style of openai-java's SseHandlerTest: each {@link Case} is a raw
 * stream and the events it must produce. Every case is fed whole, one byte at a time, and split
 * into two feeds at every possible point, because a parser that is only right for nicely aligned
 * input fails on real networks, where reads end anywhere.
 */
class SseParserTest {

    enum Case {
        SINGLE_EVENT("data: hello\n\n", ev("hello")),
        MULTIPLE_EVENTS("data: one\n\ndata: two\n\ndata: three\n\n", ev("one"), ev("two"), ev("three")),
        MULTI_LINE_DATA_JOINED_BY_LF("data: a\ndata: b\ndata: c\n\n", ev("a\nb\nc")),
        EMPTY_LINE_INSIDE_DATA("data: a\ndata:\ndata: b\n\n", ev("a\n\nb")),
        NO_SPACE_AFTER_COLON("data:x\n\n", ev("x")),
        ONLY_ONE_LEADING_SPACE_REMOVED("data:  x \n\n", ev(" x ")),
        COLONS_IN_VALUE("data: a: b:c\n\n", ev("a: b:c")),
        EMPTY_DATA_IS_DISPATCHED("data:\n\n", ev("")),
        COMMENTS_ONLY(": hello\n:\n: OPENROUTER PROCESSING\n\n"),
        COMMENTS_BETWEEN_EVENTS(
                ": OPENROUTER PROCESSING\n\ndata: a\n\n: OPENROUTER PROCESSING\n\n"
                        + "data: b\n: inside an event\ndata: c\n\n",
                ev("a"), ev("b\nc")),
        EVENT_FIELD_APPLIES_TO_ONE_EVENT("event: update\ndata: x\n\ndata: y\n\n",
                ev("update", "x", null, null), ev("y")),
        EMPTY_EVENT_FIELD_MEANS_MESSAGE("event:\ndata: x\n\n", ev("x")),
        ID_KEPT_ACROSS_EVENTS("id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n",
                ev(null, "a", "1", null), ev(null, "b", "1", null), ev(null, "c", "2", null)),
        EMPTY_ID_RESETS("id: 1\ndata: a\n\nid\ndata: b\n\n",
                ev(null, "a", "1", null), ev("b")),
        ID_WITH_NUL_IGNORED("id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n",
                ev(null, "a", "1", null), ev(null, "b", "1", null)),
        NO_DATA_NOT_DISPATCHED_BUT_ID_KEPT("event: ping\nid: 9\n\ndata: a\n\n",
                ev(null, "a", "9", null)),
        RETRY_VALID_FOR_ONE_EVENT("retry: 1500\ndata: a\n\ndata: b\n\n",
                ev(null, "a", null, 1500), ev("b")),
        RETRY_MAX_INT("retry: 2147483647\ndata: a\n\n", ev(null, "a", null, Integer.MAX_VALUE)),
        RETRY_INVALID_IGNORED(
                "retry: 15x\ndata: a\n\nretry: -1\ndata: b\n\nretry:\ndata: c\n\n"
                        + "retry: 2147483648\ndata: d\n\nretry: 1 0\ndata: e\n\nretry: +5\ndata: f\n\n",
                ev("a"), ev("b"), ev("c"), ev("d"), ev("e"), ev("f")),
        INVALID_RETRY_KEEPS_EARLIER_VALID_ONE("retry: 5\nretry: x\ndata: a\n\n",
                ev(null, "a", null, 5)),
        RETRY_ALONE_REPORTED_WITH_NEXT_EVENT("retry: 3000\n\ndata: a\n\n",
                ev(null, "a", null, 3000)),
        FIELD_WITHOUT_COLON("data\n\nevent\ndata\ndata\n\n", ev(""), ev("\n")),
        UNKNOWN_FIELDS_IGNORED("foo: bar\ndata : x\nDATA: y\ndata: z\n\n", ev("z")),
        LF_LINE_ENDS("event: e\ndata: a\n\n", ev("e", "a", null, null)),
        CR_LINE_ENDS("data: a\rdata: b\r\rdata: c\r\r", ev("a\nb"), ev("c")),
        CRLF_LINE_ENDS("data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n", ev("a\nb"), ev("c")),
        MIXED_LINE_ENDS("data: a\rdata: b\ndata: c\r\n\ndata: d\n\r\r\n", ev("a\nb\nc"), ev("d")),
        LF_THEN_CR_IS_TWO_LINE_ENDS("data: a\n\rdata: b\n\n", ev("a"), ev("b")),
        UNTERMINATED_EVENT_DISCARDED("data: a\n\ndata: b\n", ev("a")),
        UNTERMINATED_LINE_DISCARDED("data: a\n\ndata: b", ev("a")),
        UNICODE_SEPARATORS_ARE_NOT_LINE_ENDS("data: a\u2028b\u2029c\u0085d\u000Be\u000Cf\n\n",
                ev("a\u2028b\u2029c\u0085d\u000Be\u000Cf")),
        MULTI_BYTE_UTF8("data: é € 日本 😀\n\n", ev("é € 日本 😀")),
        MULTI_BYTE_UTF8_WITH_CRLF("event: 日本\r\nid: é\r\ndata: €😀\r\ndata: x\r\n\r\n",
                ev("日本", "€😀\nx", "é", null)),
        BOM_AT_START_SKIPPED("\uFEFFdata: a\n\n", ev("a")),
        BOM_ONLY_SKIPPED_AT_START("\uFEFFdata: a\n\n\uFEFFdata: b\n\ndata: c\n\n", ev("a"), ev("c")),
        JSON_PAYLOAD_AND_DONE("data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n",
                ev("{\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}"), ev("[DONE]")),
        EMPTY_STREAM(""),
        BLANK_LINES_ONLY("\n\r\n\r\r");

        final byte[] bytes;
        final List<SseEvent> expected;

        Case(String stream, SseEvent... expected) {
            this.bytes = utf8(stream);
            this.expected = List.of(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void wholeStreamInOneFeed(Case c) {
        assertEquals(c.expected, parseInChunks(c.bytes, Math.max(1, c.bytes.length)));
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void oneBytePerFeed(Case c) {
        assertEquals(c.expected, parseInChunks(c.bytes, 1));
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void everySplitIntoTwoFeeds(Case c) {
        for (int i = 0; i <= c.bytes.length; i++) {
            List<SseEvent> events = new ArrayList<>();
            SseParser parser = new SseParser(events::add);
            parser.feed(c.bytes, 0, i);
            parser.feed(c.bytes, i, c.bytes.length - i);
            parser.finish();
            assertEquals(c.expected, events, "split at byte " + i);
        }
    }

    @Test
    void realisticOpenRouterStreamWithCrlf() {
        String stream = String.join("\r\n",
                ": OPENROUTER PROCESSING",
                "",
                ": OPENROUTER PROCESSING",
                "",
                "data: {\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
                "",
                "data: {\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Bonjour\"}}]}",
                "",
                ": OPENROUTER PROCESSING",
                "",
                "data: {\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" à tous 👋\"}}]}",
                "",
                "data: {\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
                "",
                "data: {\"id\":\"gen-1\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":4,\"total_tokens\":16}}",
                "",
                "data: [DONE]",
                "",
                "");
        List<SseEvent> expected = List.of(
                ev("{\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"),
                ev("{\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Bonjour\"}}]}"),
                ev("{\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" à tous 👋\"}}]}"),
                ev("{\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"),
                ev("{\"id\":\"gen-1\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":4,\"total_tokens\":16}}"),
                ev("[DONE]"));
        byte[] bytes = utf8(stream);
        // Chunk sizes that are not aligned with anything, as network reads are not.
        for (int chunk : new int[] {bytes.length, 1, 3, 7, 64}) {
            assertEquals(expected, parseInChunks(bytes, chunk), "chunk size " + chunk);
        }
    }

    @Test
    void honoursOffsetAndLength() {
        // The bytes around the stream are complete events: reading outside off/len would show.
        byte[] before = utf8("data: WRONG\n\n");
        byte[] stream = utf8("data: é\r\n\r\ndata: right\r\n\r\n");
        byte[] after = utf8("\n\ndata: WRONG\n\n");
        byte[] all = concat(before, stream, after);

        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        int off = before.length;
        int mid = off + 9; // inside the CRLF after "é", so the second feed starts with LF
        parser.feed(all, off, mid - off);
        parser.feed(all, mid, stream.length - (mid - off));
        parser.finish();

        assertEquals(List.of(ev("é"), ev("right")), events);
    }

    @Test
    void rejectsOffsetAndLengthOutsideTheArray() {
        SseParser parser = new SseParser(e -> { });
        byte[] buf = new byte[4];
        assertThrows(IndexOutOfBoundsException.class, () -> parser.feed(buf, 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> parser.feed(buf, -1, 1));
    }

    @Test
    void malformedUtf8BecomesReplacementCharacter() {
        // A lone lead byte, a truncated 3-byte sequence, and a byte that is never valid UTF-8.
        byte[] bytes = concat(utf8("data: "), new byte[] {(byte) 0xC3}, utf8("\ndata: "),
                new byte[] {(byte) 0xE2, (byte) 0x82}, utf8("x"), new byte[] {(byte) 0xFF}, utf8("\n\n"));
        List<SseEvent> expected = List.of(ev("\uFFFD\n\uFFFDx\uFFFD"));
        assertEquals(expected, parseInChunks(bytes, bytes.length));
        assertEquals(expected, parseInChunks(bytes, 1));
    }

    @Test
    void lfAfterEmptyFeedsStillCompletesCrlf() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        parser.feed(utf8("data: a\r"), 0, 8);
        parser.feed(new byte[0], 0, 0);
        parser.feed(new byte[0], 0, 0);
        // Had the empty feeds forgotten the CR, this LF would be a blank line dispatching "a".
        byte[] rest = utf8("\ndata: b\r\n\r\n");
        parser.feed(rest, 0, rest.length);
        parser.finish();
        assertEquals(List.of(ev("a\nb")), events);
    }

    @Test
    void linesLongerThanTheBuffersAreKeptWhole() {
        String longValue = "é€😀x".repeat(30_000);
        String stream = "data: " + longValue + "\ndata: " + longValue + "\n\ndata: short\n\n";
        List<SseEvent> expected = List.of(ev(longValue + "\n" + longValue), ev("short"));
        byte[] bytes = utf8(stream);
        assertEquals(expected, parseInChunks(bytes, bytes.length));
        assertEquals(expected, parseInChunks(bytes, 7));
    }

    @Test
    void finishDiscardsPendingEventAndEndsTheStream() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        byte[] bytes = utf8("data: a\n\ndata: pending\n");
        parser.feed(bytes, 0, bytes.length);
        parser.finish();
        parser.finish();
        assertEquals(List.of(ev("a")), events);
        assertThrows(IllegalStateException.class, () -> parser.feed(bytes, 0, bytes.length));
    }

    @Test
    void sinkThatThrowsLeavesNoStaleData() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(e -> {
            if (e.data().equals("boom")) {
                throw new IllegalArgumentException("sink failed");
            }
            events.add(e);
        });
        byte[] first = utf8("event: x\ndata: boom\n\n");
        assertThrows(IllegalArgumentException.class, () -> parser.feed(first, 0, first.length));
        byte[] second = utf8("data: next\n\n");
        parser.feed(second, 0, second.length);
        assertEquals(List.of(ev("next")), events);
    }

    private static List<SseEvent> parseInChunks(byte[] bytes, int chunk) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        for (int off = 0; off < bytes.length; off += chunk) {
            parser.feed(bytes, off, Math.min(chunk, bytes.length - off));
        }
        parser.finish();
        return events;
    }

    private static SseEvent ev(String data) {
        return new SseEvent("message", data, null, null);
    }

    /** A {@code null} type is normalised to "message" by {@link SseEvent} itself. */
    private static SseEvent ev(String type, String data, String id, Integer retry) {
        return new SseEvent(type, data, id, retry);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }
}
