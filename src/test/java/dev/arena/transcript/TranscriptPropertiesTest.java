package dev.arena.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.internal.bind.TypeAdapters;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.arena.debate.Turn;
import dev.arena.fake.ManualClock;
import dev.arena.output.TextSink;
import dev.arena.text.TerminalSanitizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * For any debate ({@link GeneratedDebates}), each transcript format reads back and holds every
 * delta of every turn, in order:
 *
 * <ul>
 *   <li>JSON Lines: every line is one strict JSON object; the events come in the debate's order;
 *       the deltas between a turn's {@code turn_start} and {@code turn_end} are the turn's deltas,
 *       one for one, and together the {@code turn_end}'s text.
 *   <li>JSON: after every event the file is one strict JSON document whose turns are the turns
 *       so far, each text a prefix of the turn's deltas (the turn in progress is written behind
 *       a throttle) and all of it once the turn ended; at the end every turn is there, whole.
 *   <li>Markdown: see {@link #assertMarkdownHolds}.
 * </ul>
 *
 * <p>Checked to catch a planted bug: a Markdown writer that cleaned each delta on its own,
 * forgetting a CR at the end of one when the next starts with LF, fails within a few dozen
 * tries, shrunk to a one-turn debate whose deltas are {@code "\r"} and {@code "\na"}.
 */
class TranscriptPropertiesTest {

    @Provide
    Arbitrary<GeneratedDebates.Debate> debates() {
        return GeneratedDebates.debates();
    }

    @Property(tries = 300)
    void jsonLinesHoldEveryDeltaInOrder(@ForAll("debates") GeneratedDebates.Debate debate) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GeneratedDebates.play(debate, new JsonLinesDebateWriter(new TextSink(bytes),
                Clock.fixed(Instant.parse("2026-11-25T10:05:00Z"), ZoneOffset.UTC)));
        Statistics.label("ending").collect(debate.stoppedEarly() ? "stopped" : debate.judged() ? "judged" : "unjudged");
        assertJsonLinesHold(bytes.toString(StandardCharsets.UTF_8), debate);
    }

    @Property(tries = 300)
    void markdownHoldsEveryTurnInOrder(@ForAll("debates") GeneratedDebates.Debate debate) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GeneratedDebates.play(debate, new MarkdownDebateWriter(new TextSink(bytes)));
        assertMarkdownHolds(bytes.toString(StandardCharsets.UTF_8), debate);
    }

    /** Every rewrite is synced to disk, so this property has fewer tries than the streamed formats. */
    @Property(tries = 40)
    void theJsonDocumentParsesAfterEveryEventAndEndsWithEveryTurn(@ForAll("debates") GeneratedDebates.Debate debate)
            throws IOException {
        Path dir = Files.createTempDirectory("arena-json-property");
        try {
            Path file = dir.resolve("debate.json");
            ManualClock clock = new ManualClock();
            JsonTranscriptFileTest.ManualScheduler scheduler = new JsonTranscriptFileTest.ManualScheduler();
            JsonDebateFile transcript = new JsonDebateFile(file, clock, scheduler);
            int step = 0;
            for (ScriptedDebate.Event event : debate.events()) {
                event.action().accept(transcript);
                // Time moves on unevenly, and the delayed write runs now and then, as in a real run.
                clock.advance(step % 3 == 0 ? 300 : 40);
                if (step++ % 4 == 0) {
                    scheduler.runAll();
                }
                assertJsonDocumentHolds(strict(Files.readString(file)).getAsJsonObject(), debate, false);
            }
            transcript.close();
            assertJsonDocumentHolds(strict(Files.readString(file)).getAsJsonObject(), debate, true);
        } finally {
            deleteAll(dir);
        }
    }

    /** The files {@code --out} writes, opened as the CLI opens them, in each format. */
    @Property(tries = 40)
    void everyTranscriptFileHoldsEveryTurn(@ForAll("debates") GeneratedDebates.Debate debate,
                                           @ForAll TranscriptFormat format) throws IOException {
        Path dir = Files.createTempDirectory("arena-transcript-property");
        try {
            Path file = dir.resolve("debate." + format.name().toLowerCase(Locale.ROOT));
            try (TranscriptFile transcript = Transcripts.open(file, format, false)) {
                GeneratedDebates.play(debate, transcript);
            }
            String text = Files.readString(file);
            switch (format) {
                case MARKDOWN -> assertMarkdownHolds(text, debate);
                case JSONL -> assertJsonLinesHold(text, debate);
                case JSON -> assertJsonDocumentHolds(strict(text).getAsJsonObject(), debate, true);
            }
        } finally {
            deleteAll(dir);
        }
    }

    private static void assertJsonLinesHold(String text, GeneratedDebates.Debate debate) {
        assertTrue(text.endsWith("\n"), "every event ends its line");
        List<JsonObject> events = new ArrayList<>();
        // JSON Lines separates records with LF only; the writer must escape every other line end.
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            events.add(strict(line).getAsJsonObject());
        }
        List<String> expectedTypes = new ArrayList<>();
        for (ScriptedDebate.Event event : debate.events()) {
            String type = jsonLinesType(event.name().split(" ")[0]);
            if (type != null) {
                expectedTypes.add(type);
            }
        }
        assertEquals(expectedTypes, events.stream().map(e -> e.get("type").getAsString()).toList());

        List<Turn> turns = debate.reportedTurns();
        int turn = -1;
        List<String> deltas = null;
        for (JsonObject event : events) {
            switch (event.get("type").getAsString()) {
                case "turn_start" -> {
                    turn++;
                    deltas = new ArrayList<>();
                }
                case "delta" -> {
                    assertEquals(side(turns.get(turn)), event.get("side").getAsString());
                    deltas.add(event.get("content").getAsString());
                }
                case "turn_end" -> {
                    assertEquals(debate.turns().get(turn).deltas(), deltas, "the deltas of turn " + turn);
                    assertEquals(String.join("", deltas), event.get("text").getAsString());
                    assertEquals(turns.get(turn).round(), event.get("round").getAsInt());
                    assertEquals(side(turns.get(turn)), event.get("side").getAsString());
                }
                default -> {
                    // debate_start, fallback, judging, verdict, summary: their order is checked above
                }
            }
        }
        assertEquals(turns.size() - 1, turn, "every turn started");
    }

    /** The JSON Lines type of an event, or null for those the transcript leaves out (retries, waits). */
    private static String jsonLinesType(String event) {
        return switch (event) {
            case "debateStarted" -> "debate_start";
            case "turnStarted" -> "turn_start";
            case "delta" -> "delta";
            case "fallback" -> "fallback";
            case "turnEnded" -> "turn_end";
            case "judging" -> "judging";
            case "verdict" -> "verdict";
            case "finished" -> "summary";
            default -> null;
        };
    }

    /**
     * {@code ended}: the debate is over and the file closed, so every turn must be there whole;
     * before that, the file holds the turns so far, the one in progress with a prefix of its text.
     */
    private static void assertJsonDocumentHolds(JsonObject doc, GeneratedDebates.Debate debate, boolean ended) {
        JsonArray turns = doc.getAsJsonArray("turns");
        List<Turn> expected = debate.reportedTurns();
        assertTrue(turns.size() <= expected.size(), "no turn that was not spoken");
        for (int i = 0; i < turns.size(); i++) {
            JsonObject turn = turns.get(i).getAsJsonObject();
            String text = turn.get("text").getAsString();
            String whole = debate.turns().get(i).text();
            assertEquals(expected.get(i).round(), turn.get("round").getAsInt());
            assertEquals(side(expected.get(i)), turn.get("side").getAsString());
            if (turn.get("in_progress").getAsBoolean()) {
                assertTrue(whole.startsWith(text), "turn " + i + " so far is a prefix of its deltas: " + text);
            } else {
                assertEquals(whole, text, "turn " + i + " is its deltas");
            }
        }
        if (ended) {
            assertEquals(expected.size(), turns.size(), "every turn is in the document");
            turns.forEach(t -> assertFalse(t.getAsJsonObject().get("in_progress").getAsBoolean()));
            assertTrue(doc.get("finished").getAsBoolean());
            assertEquals(debate.judging().verdict().isPresent() && debate.judged(), !doc.get("verdict").isJsonNull());
        }
    }

    /**
     * What "parses" means for Markdown, which has no grammar that could fail: a reader finds the
     * turns by their headers. So the document starts with the debate's title; for every turn, in
     * order, its header ({@code ## Round N — Side (model)}, a blank line, the phase in italics)
     * comes at the start of a line after the previous turn's text; right after it, behind one
     * blank line, comes the turn's text exactly as its deltas make it once cleaned for a terminal
     * (cleaned in one piece: the writer cleans delta by delta, so this also holds that cleaning
     * does not depend on where the deltas split); and what follows the text, after line breaks,
     * is an italic or bold line (a fallback note, the turn's footer, the failure). Then come the
     * verdict, if any, and the summary. A model's text may itself hold lines that look like
     * headers (see {@link MarkdownDebateWriter}); they come after the real header, so they cannot
     * be taken for it.
     */
    private static void assertMarkdownHolds(String doc, GeneratedDebates.Debate debate) {
        assertTrue(doc.startsWith("# Debate: "), "the title comes first");
        List<Turn> turns = debate.reportedTurns();
        int cursor = 0;
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            String header = "## Round " + turn.round() + " — " + turn.side().label() + " ("
                    + debate.startingModels().get(i) + ")\n\n*"
                    + Character.toUpperCase(turn.phase().label().charAt(0)) + turn.phase().label().substring(1) + "*\n";
            int at = doc.indexOf(header, cursor);
            assertTrue(at > 0 && doc.charAt(at - 1) == '\n', "the header of turn " + i + " after offset " + cursor);
            cursor = at + header.length();
            String text = TerminalSanitizer.strip(debate.turns().get(i).text());
            if (!text.isEmpty()) {
                assertEquals("\n" + text, doc.substring(cursor, Math.min(doc.length(), cursor + 1 + text.length())),
                        "the text of turn " + i);
                cursor += 1 + text.length();
            }
            int next = cursor;
            while (next < doc.length() && doc.charAt(next) == '\n') {
                next++;
            }
            assertTrue(next < doc.length() && doc.charAt(next) == '*', "a note or footer follows turn " + i);
        }
        if (debate.judged() && debate.judging().verdict().isPresent()) {
            cursor = doc.indexOf("\n## Verdict\n", cursor);
            assertTrue(cursor > 0, "the verdict after the last turn");
        }
        assertTrue(doc.indexOf("\n## Summary\n", cursor) > 0, "the summary at the end");
    }

    private static String side(Turn turn) {
        return turn.side().name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code text} as exactly one strict (RFC 8259) JSON value. */
    private static JsonElement strict(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = TypeAdapters.JSON_ELEMENT.read(reader);
            assertEquals(JsonToken.END_DOCUMENT, reader.peek(), "nothing after the JSON value");
            return element;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
