package dev.arena.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.output.TextSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptFilesTest {

    @TempDir
    Path dir;

    @Test
    void markdownFileHoldsEverythingAfterEveryEvent() throws IOException {
        Path path = dir.resolve("debate.md");
        Files.writeString(path, "an older debate that must go\n");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        MarkdownDebateWriter reference = new MarkdownDebateWriter(new TextSink(expected));
        try (TranscriptFile file = Transcripts.open(path, TranscriptFormat.MARKDOWN, true)) {
            assertEquals(path, file.path());
            assertEquals("", Files.readString(path), "an existing file is truncated");
            for (ScriptedDebate.Event event : ScriptedDebate.judgedDebate()) {
                event.action().accept(file);
                event.action().accept(reference);
                // Read while the writer is open: what a kill -9 now would leave.
                assertEquals(expected.toString(StandardCharsets.UTF_8), Files.readString(path),
                        "after " + event.name());
            }
        }
        assertTrue(Files.readString(path).contains("Cars choke cities. Ban them."));
    }

    @Test
    void jsonLinesFileHoldsEveryEventAsItHappens() throws IOException {
        Path path = dir.resolve("debate.jsonl");
        try (TranscriptFile file = Transcripts.open(path, TranscriptFormat.JSONL, false)) {
            int events = 0;
            StringBuilder deltas = new StringBuilder();
            StringBuilder written = new StringBuilder();
            for (ScriptedDebate.Event event : ScriptedDebate.stoppedDebate()) {
                event.action().accept(file);
                events++;
                List<String> lines = Files.readAllLines(path);
                assertEquals(events, lines.size(), "after " + event.name());
                JsonObject last = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
                if (last.get("type").getAsString().equals("delta")) {
                    deltas.append(last.get("content").getAsString());
                }
                written.setLength(0);
                lines.stream().map(l -> JsonParser.parseString(l).getAsJsonObject())
                        .filter(e -> e.get("type").getAsString().equals("delta"))
                        .forEach(e -> written.append(e.get("content").getAsString()));
                assertEquals(deltas.toString(), written.toString());
            }
            assertEquals("Commutes waste lives.Offices build", deltas.toString());
        }
    }

    @Test
    void jsonFileIsAWholeDocument() throws IOException {
        Path path = dir.resolve("debate.json");
        TranscriptFile file = Transcripts.open(path, TranscriptFormat.JSON, false);
        assertInstanceOf(JsonDebateFile.class, file);
        ScriptedDebate.play(ScriptedDebate.stoppedDebate(), file);
        file.close();
        JsonObject doc = JsonParser.parseString(Files.readString(path)).getAsJsonObject();
        assertEquals(2, doc.getAsJsonArray("turns").size());
        assertEquals(List.of("debate.json"), names());
    }

    @Test
    void jsonFileWritesAStalledTurnsTextOnItsOwnTimer() throws Exception {
        Path path = dir.resolve("debate.json");
        try (TranscriptFile file = Transcripts.open(path, TranscriptFormat.JSON, false)) {
            file.debateStarted(ScriptedDebate.ID, ScriptedDebate.judgedSettings(), ScriptedDebate.T0);
            file.turnStarted(ScriptedDebate.ID, 1, dev.arena.debate.Side.PRO, dev.arena.debate.Phase.OPENING, "a/one",
                    ScriptedDebate.T0);
            file.delta(ScriptedDebate.ID, dev.arena.debate.Side.PRO, "then the stream stalls"); // inside the 250 ms window
            long deadline = System.nanoTime() + 5_000_000_000L;
            String text = "";
            while (!text.equals("then the stream stalls") && System.nanoTime() < deadline) {
                Thread.sleep(20);
                JsonObject doc = JsonParser.parseString(Files.readString(path)).getAsJsonObject();
                text = doc.getAsJsonArray("turns").get(0).getAsJsonObject().get("text").getAsString();
            }
            assertEquals("then the stream stalls", text, "written by the timer, with no further event");
        }
        assertEquals(List.of("debate.json"), names());
    }

    @Test
    void missingDirectoryIsASentence() {
        Path path = dir.resolve("no-such-dir").resolve("debate.md");
        for (TranscriptFormat format : TranscriptFormat.values()) {
            IOException e = assertThrows(IOException.class, () -> Transcripts.open(path, format, false));
            assertEquals("the directory " + path.getParent() + " does not exist", e.getMessage(),
                    "only the reason: the caller says which transcript");
        }
    }

    @Test
    void directoryIsNotATranscript() throws IOException {
        Path path = Files.createDirectory(dir.resolve("taken.md"));
        for (TranscriptFormat format : TranscriptFormat.values()) {
            IOException e = assertThrows(IOException.class, () -> Transcripts.open(path, format, false));
            assertEquals(path + " is a directory", e.getMessage());
        }
    }

    @Test
    void anUnopenableFileGivesOnlyTheReason() {
        assertEquals("permission denied",
                Transcripts.reason(new java.io.FileNotFoundException("/x/debate.md (Permission denied)")));
        assertEquals("odd", Transcripts.reason(new java.io.FileNotFoundException("odd")));
    }

    @Test
    void closingTwiceIsHarmless() throws IOException {
        Path path = dir.resolve("debate.jsonl");
        TranscriptFile file = Transcripts.open(path, TranscriptFormat.JSONL, false);
        ScriptedDebate.play(ScriptedDebate.stoppedDebate(), file);
        file.close();
        file.close();
        assertEquals(8, Files.readAllLines(path).size());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
