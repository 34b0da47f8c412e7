package dev.arena.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The parser must not care where the network cut the bytes: any valid stream, split at any
 * points into any number of reads (empty reads included), gives the events of the whole stream
 * fed at once, and those are the events an independent model of the spec expects
 * ({@link SseStreams.Stream#expectedEvents}). The cuts land between CR and LF, inside multi-byte
 * characters and inside the byte order mark as often as anywhere else.
 *
 * <p>Checked to catch a planted bug: letting an empty read clear the "CR seen, skip an LF"
 * flag fails both split properties within a few dozen tries, shrunk to a one-line stream
 * such as {@code "data: \r\r\r"} read whole and then as an empty read.
 */
class SseParserPropertiesTest {

    @Provide
    Arbitrary<SseStreams.Stream> streams() {
        return SseStreams.streams();
    }

    @Property
    void anySplitGivesTheEventsOfTheWholeStreamAndOfTheModel(@ForAll("streams") SseStreams.Stream stream) {
        byte[] bytes = stream.bytes();
        List<SseEvent> expected = stream.expectedEvents();
        Statistics.label("events").collect(expected.isEmpty() ? "none" : expected.size() == 1 ? "one" : "several");
        Statistics.label("events").coverage(c -> c.check("several").percentage(p -> p >= 20));

        assertEquals(expected, decoded(bytes, List.of(bytes.length)), "the whole stream in one read");
        assertEquals(expected, decoded(bytes, stream.reads()), "the stream in reads of " + stream.reads());
    }

    @Property(tries = 200)
    void oneByteAtATimeGivesTheEventsOfTheModel(@ForAll("streams") SseStreams.Stream stream) {
        byte[] bytes = stream.bytes();
        List<Integer> ones = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            ones.add(1);
        }
        assertEquals(stream.expectedEvents(), decoded(bytes, ones));
    }

    /**
     * The byte listener sees exactly the decoded events' data, as bytes, for any split; each read
     * is handed over inside a larger array whose other bytes are line ends, so a parser that
     * read outside {@code off..off+len} would dispatch events that are not there.
     */
    @Property(tries = 300)
    void theBytesListenerGetsTheSameEventsForAnySplit(@ForAll("streams") SseStreams.Stream stream) {
        byte[] bytes = stream.bytes();
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser((type, data, offset, length, lastEventId, retry) -> {
            Objects.checkFromIndexSize(offset, length, data.length);
            String text = new String(Arrays.copyOfRange(data, offset, offset + length), StandardCharsets.UTF_8);
            events.add(new SseEvent(type, text, lastEventId, retry));
        });
        int at = 0;
        for (int length : stream.reads()) {
            byte[] framed = new byte[length + 6];
            Arrays.fill(framed, (byte) '\n');
            System.arraycopy(bytes, at, framed, 3, length);
            parser.feed(framed, 3, length);
            at += length;
        }
        parser.finish();
        assertEquals(stream.expectedEvents(), events);
    }

    private static List<SseEvent> decoded(byte[] bytes, List<Integer> lengths) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        int at = 0;
        for (int length : lengths) {
            parser.feed(bytes, at, length);
            at += length;
        }
        parser.finish();
        return events;
    }
}
