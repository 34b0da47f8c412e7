package dev.arena.sse;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated valid event streams for the parser's properties, kept as the lines the server meant
 * rather than as bytes, so that {@link Stream#expectedEvents} can say what they mean without
 * parsing bytes: an independent, line-level model of the WHATWG rules, to hold the byte-level
 * parser to. Everything is built from jqwik combinators, so a failing stream shrinks to a few
 * short lines.
 */
final class SseStreams {

    private SseStreams() {
    }

    enum Ending {
        LF("\n"), CRLF("\r\n"), CR("\r");

        final String text;

        Ending(String text) {
            this.text = text;
        }
    }

    /** One line, without its line end. */
    sealed interface Line permits Field, NoColon, Comment, Blank {
        String text();
    }

    /** {@code name:value} or {@code name: value}; {@code value} is what follows the colon and the optional space. */
    record Field(String name, boolean space, String value) implements Line {
        @Override
        public String text() {
            return name + ":" + (space ? " " : "") + value;
        }

        /** What the spec makes the value: one space after the colon is dropped, and only one. */
        String parsedValue() {
            return !space && value.startsWith(" ") ? value.substring(1) : value;
        }
    }

    /** A field name alone on its line, which the spec reads as the field with an empty value. */
    record NoColon(String name) implements Line {
        @Override
        public String text() {
            return name;
        }
    }

    /** {@code :text}, such as OpenRouter's {@code : OPENROUTER PROCESSING} keep-alive. */
    record Comment(String body) implements Line {
        @Override
        public String text() {
            return ":" + body;
        }
    }

    /** The empty line that dispatches an event. */
    record Blank() implements Line {
        @Override
        public String text() {
            return "";
        }
    }

    /**
     * A line, how it ends, and where the network cuts its bytes (line end included): each cut
     * is taken modulo the length plus one, so it can fall anywhere, and two equal cuts make an
     * empty read. Cuts belong to their line so that a failing stream shrinks line by line
     * without moving the cuts of the lines that are left.
     */
    record Ended(Line line, Ending ending, List<Integer> cuts) {
    }

    /** A stream: an optional byte order mark, then the lines, each with its own line end. */
    record Stream(boolean bom, List<Ended> lines) {

        byte[] bytes() {
            return text().getBytes(StandardCharsets.UTF_8);
        }

        String text() {
            return String.join("", lineTexts());
        }

        /** The lengths of the reads the network delivers this stream in; they add up to all of it. */
        List<Integer> reads() {
            List<Integer> reads = new ArrayList<>();
            List<String> texts = lineTexts();
            int pending = 0;
            for (int i = 0; i < texts.size(); i++) {
                int length = texts.get(i).getBytes(StandardCharsets.UTF_8).length;
                List<Integer> points = new ArrayList<>();
                lines.get(i).cuts().forEach(c -> points.add(c % (length + 1)));
                points.sort(null);
                int from = 0;
                for (int point : points) {
                    reads.add(pending + point - from);
                    pending = 0;
                    from = point;
                }
                pending += length - from;
            }
            reads.add(pending);
            return reads;
        }

        /**
         * Each line's text with its line end, the byte order mark on the first. A CR that ends a
         * line followed by an empty line ending in LF would read as one CRLF and lose the empty
         * line; that empty line ends in CR instead, so the text holds exactly the lines generated.
         */
        private List<String> lineTexts() {
            List<String> texts = new ArrayList<>();
            Ending previous = null;
            for (Ended ended : lines) {
                String line = ended.line().text();
                Ending ending = ended.ending();
                if (previous == Ending.CR && line.isEmpty() && ending == Ending.LF) {
                    ending = Ending.CR;
                }
                texts.add((texts.isEmpty() && bom ? "\uFEFF" : "") + line + ending.text);
                previous = ending;
            }
            return texts;
        }

        /** The events the lines mean, by the spec's rules applied to lines rather than bytes. */
        List<SseEvent> expectedEvents() {
            List<SseEvent> events = new ArrayList<>();
            List<String> data = new ArrayList<>();
            String type = null;
            String lastId = null;
            Integer retry = null;
            for (Ended ended : lines) {
                Line line = ended.line();
                String name;
                String value;
                if (line instanceof Field f) {
                    name = f.name();
                    value = f.parsedValue();
                } else if (line instanceof NoColon n) {
                    name = n.name();
                    value = "";
                } else if (line instanceof Blank) {
                    if (!data.isEmpty()) {
                        events.add(new SseEvent(type, String.join("\n", data), lastId, retry));
                        data.clear();
                        retry = null;
                    }
                    type = null;
                    continue;
                } else {
                    continue; // a comment
                }
                switch (name) {
                    case "data" -> data.add(value);
                    case "event" -> type = value.isEmpty() ? null : value;
                    case "id" -> {
                        if (value.indexOf('\0') < 0) {
                            lastId = value.isEmpty() ? null : value;
                        }
                    }
                    case "retry" -> {
                        if (value.matches("[0-9]+")
                                && new BigInteger(value).compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0) {
                            retry = Integer.valueOf(value);
                        }
                    }
                    default -> {
                        // an unknown field: ignored
                    }
                }
            }
            // Whatever follows the last blank line is an unfinished event, which is discarded.
            return events;
        }

        @Override
        public String toString() {
            return "Stream[" + text().replace("\r", "\\r").replace("\n", "\\n\n       ") + "] in reads of " + reads();
        }
    }

    /**
     * Text with everything that makes bytes hard: 2-, 3- and 4-byte UTF-8 (a surrogate pair in
     * Java), U+2028, NEL and the BOM (which are not line ends), colons, spaces, NUL and JSON; and
     * a run longer than the parser's first line buffer, so lines and events grow it mid-read.
     */
    static Arbitrary<String> values() {
        Arbitrary<String> atom = Arbitraries.of("a", "Z", "0", "7", " ", ":", "é", "€", "日", "😀", "\u2028", "\u0085",
                "\uFEFF", "\t", "\0", "{\"a\":1}", "data", "[DONE]", "é".repeat(150));
        return atom.list().ofMaxSize(8).map(atoms -> String.join("", atoms));
    }

    static Arbitrary<Line> lines() {
        Arbitrary<Boolean> space = Arbitraries.of(true, false);
        Arbitrary<String> retryValue = Arbitraries.oneOf(
                Arbitraries.integers().between(0, Integer.MAX_VALUE).map(String::valueOf),
                Arbitraries.integers().between(0, 99).map(n -> "000" + n),
                Arbitraries.of("2147483648", "99999999999", "-1", "+5", "1 0", "15x", ""),
                values());
        Arbitrary<Line> data = Combinators.combine(space, values()).as((s, v) -> new Field("data", s, v));
        Arbitrary<Line> event = Combinators.combine(space, Arbitraries.oneOf(Arbitraries.of("update", "error", ""), values()))
                .as((s, v) -> new Field("event", s, v));
        Arbitrary<Line> id = Combinators.combine(space, values()).as((s, v) -> new Field("id", s, v));
        Arbitrary<Line> retry = Combinators.combine(space, retryValue).as((s, v) -> new Field("retry", s, v));
        Arbitrary<Line> unknown = Combinators.combine(Arbitraries.of("foo", "DATA", "data ", "ids", "retry2", "é"),
                space, values()).as(Field::new);
        Arbitrary<Line> noColon = Arbitraries.of("data", "event", "id", "retry", "foo").map(NoColon::new);
        Arbitrary<Line> comment = Arbitraries.oneOf(Arbitraries.just(" OPENROUTER PROCESSING"), values()).map(Comment::new);
        return Arbitraries.frequencyOf(
                Tuple.of(6, data),
                Tuple.of(5, Arbitraries.just(new Blank())),
                Tuple.of(1, event),
                Tuple.of(1, id),
                Tuple.of(1, retry),
                Tuple.of(1, unknown),
                Tuple.of(1, noColon),
                Tuple.of(2, comment));
    }

    static Arbitrary<Stream> streams() {
        Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(0, 200).list().ofMaxSize(3);
        Arbitrary<Ended> ended = Combinators.combine(lines(), Arbitraries.of(Ending.class), cuts).as(Ended::new);
        return Combinators.combine(Arbitraries.frequency(Tuple.of(1, true), Tuple.of(9, false)),
                ended.list().ofMaxSize(30)).as(Stream::new);
    }
}
