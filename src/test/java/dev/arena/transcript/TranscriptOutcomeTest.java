package dev.arena.transcript;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.debate.DebateOutcome;
import dev.arena.debate.DebateOutcome.Result;
import dev.arena.output.TextSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every transcript format ends with how the run ended, so a cut-short debate never reads as finished. */
class TranscriptOutcomeTest {

    @TempDir
    Path dir;

    /** The outcome of each kind, with the reason sentence DebateRun gives it (none for complete and interrupted). */
    static DebateOutcome outcome(Result result) {
        return new DebateOutcome(result, switch (result) {
            case COMPLETE, INTERRUPTED -> null;
            case FAILED -> "the debate stopped: round 1, Con: every model failed";
            case OUTPUT_CLOSED -> "the reader of stdout went away";
            case WRITE_FAILED -> "cannot write to stdout (no space left on device)";
        });
    }

    @ParameterizedTest
    @EnumSource(Result.class)
    void markdownEndsWithTheOutcomeLine(Result result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarkdownDebateWriter writer = new MarkdownDebateWriter(new TextSink(out));
        ScriptedDebate.play(ScriptedDebate.stoppedDebate(), writer);
        writer.ended(ScriptedDebate.ID, outcome(result));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        String reason = outcome(result).reason();
        assertEquals("*Outcome: " + result.id() + (reason == null ? "" : " — " + reason) + "*", lines.get(lines.size() - 1));
        assertEquals("", lines.get(lines.size() - 2), "a block of its own");
    }

    @ParameterizedTest
    @EnumSource(Result.class)
    void jsonLinesEndWithADebateEndEvent(Result result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesDebateWriter writer = new JsonLinesDebateWriter(new TextSink(out));
        ScriptedDebate.play(ScriptedDebate.stoppedDebate(), writer);
        writer.ended(ScriptedDebate.ID, outcome(result));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        JsonObject last = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals("debate_end", last.get("type").getAsString());
        assertEquals(result.id(), last.get("outcome").getAsString());
        String reason = outcome(result).reason();
        assertEquals(reason == null, last.get("reason").isJsonNull(), last.toString());
        if (reason != null) {
            assertEquals(reason, last.get("reason").getAsString());
        }
        assertTrue(last.has("time"));
    }

    @ParameterizedTest
    @EnumSource(Result.class)
    void theJsonDocumentSaysHowItEnded(Result result) throws IOException {
        Path path = dir.resolve("d.json");
        try (TranscriptFile file = Transcripts.open(path, TranscriptFormat.JSON, false)) {
            ScriptedDebate.play(ScriptedDebate.stoppedDebate(), file);
            assertTrue(read(path).get("outcome").isJsonNull(), "not ended yet, whatever the summary says");
            file.ended(ScriptedDebate.ID, outcome(result));
        }
        JsonObject doc = read(path);
        assertEquals(result.id(), doc.get("outcome").getAsString());
        String reason = outcome(result).reason();
        assertEquals(reason == null ? "null" : '"' + reason + '"', doc.get("outcome_reason").toString());
    }

    @Test
    void markdownFileEndsWithTheOutcomeLine() throws IOException {
        Path path = dir.resolve("d.md");
        try (TranscriptFile file = Transcripts.open(path, TranscriptFormat.MARKDOWN, false)) {
            ScriptedDebate.play(ScriptedDebate.judgedDebate(), file);
            file.ended(ScriptedDebate.ID, DebateOutcome.COMPLETE);
        }
        List<String> lines = Files.readAllLines(path);
        assertEquals("*Outcome: complete*", lines.get(lines.size() - 1));
    }

    @Test
    void jsonLinesFileEndsWithTheOutcomeEvent() throws IOException {
        Path path = dir.resolve("d.jsonl");
        try (TranscriptFile file = Transcripts.open(path, TranscriptFormat.JSONL, false)) {
            ScriptedDebate.play(ScriptedDebate.judgedDebate(), file);
            file.ended(ScriptedDebate.ID, outcome(Result.INTERRUPTED));
        }
        List<String> lines = Files.readAllLines(path);
        JsonObject last = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals("debate_end", last.get("type").getAsString());
        assertEquals("interrupted", last.get("outcome").getAsString());
    }

    private static JsonObject read(Path path) throws IOException {
        return JsonParser.parseString(Files.readString(path)).getAsJsonObject();
    }
}
