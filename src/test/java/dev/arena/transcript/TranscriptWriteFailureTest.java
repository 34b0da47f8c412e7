package dev.arena.transcript;

import dev.arena.debate.DebateOutcome;
import dev.arena.output.FailingStream;
import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.output.TextSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every transcript writer against a write that fails: a full disk, a FIFO whose reader left. */
class TranscriptWriteFailureTest {

    @TempDir
    Path dir;

    @Test
    void markdownOnAFullStreamFailsAndOnAClosedOneCloses() {
        MarkdownDebateWriter full = new MarkdownDebateWriter(new TextSink(FailingStream.diskFullAfter(40)));
        OutputFailedException e = assertThrows(OutputFailedException.class,
                () -> ScriptedDebate.play(ScriptedDebate.judgedDebate(), full));
        assertEquals("no space left on device", e.reason());
        MarkdownDebateWriter closed = new MarkdownDebateWriter(new TextSink(FailingStream.brokenPipeAfter(40)));
        assertThrows(OutputClosedException.class, () -> ScriptedDebate.play(ScriptedDebate.judgedDebate(), closed));
    }

    @Test
    void jsonLinesOnAFullStreamFailsAndOnAClosedOneCloses() {
        JsonLinesDebateWriter full = new JsonLinesDebateWriter(new TextSink(FailingStream.diskFullAfter(300)));
        assertThrows(OutputFailedException.class, () -> ScriptedDebate.play(ScriptedDebate.judgedDebate(), full));
        JsonLinesDebateWriter closed = new JsonLinesDebateWriter(new TextSink(FailingStream.brokenPipeAfter(300)));
        assertThrows(OutputClosedException.class, () -> ScriptedDebate.play(ScriptedDebate.judgedDebate(), closed));
    }

    /** /dev/full is a device, so --out writes to it as it is, and every write fails. */
    @Test
    void aMarkdownTranscriptOnAFullDeviceSaysWhichTranscript() throws IOException {
        Path full = Path.of("/dev/full");
        try (TranscriptFile file = Transcripts.open(full, TranscriptFormat.MARKDOWN, false)) {
            TranscriptWriteException e = assertThrows(TranscriptWriteException.class,
                    () -> file.debateStarted(ScriptedDebate.ID, ScriptedDebate.judgedSettings(), ScriptedDebate.T0));
            assertEquals("cannot write the transcript /dev/full (no space left on device)", e.getMessage());
            assertEquals(full, e.path());
            // The end record after the failure is dropped, not a second exception.
            file.ended(ScriptedDebate.ID, new DebateOutcome(DebateOutcome.Result.WRITE_FAILED, e.getMessage()));
        }
    }

    /** A FIFO given to --out whose reader went away: the user asked for that copy, so this is a failure, not quiet. */
    @Test
    void aFifoWhoseReaderLeftIsAFailedTranscript() throws Exception {
        Path fifo = dir.resolve("pipe.jsonl");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = new FileInputStream(fifo.toFile())) {
                byte[] first = new byte[10];
                int n = 0;
                while (n < first.length) {
                    n += in.read(first, n, first.length - n); // a FIFO cannot seek, so no readNBytes
                }
                return first; // then leaves
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (TranscriptFile file = Transcripts.open(fifo, TranscriptFormat.JSONL, false)) {
            file.delta(ScriptedDebate.ID, dev.arena.debate.Side.PRO, "read by the reader, which then leaves");
            assertEquals("{\"type\":\"d", new String(reader.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8),
                    "the reader had its first bytes");
            TranscriptWriteException e = assertThrows(TranscriptWriteException.class, () -> {
                for (int i = 0; i < 1000; i++) {
                    file.delta(ScriptedDebate.ID, dev.arena.debate.Side.PRO, "words nobody reads ");
                }
            });
            assertEquals("cannot write the transcript " + fifo + " (broken pipe)", e.getMessage());
            assertTrue(e.getCause() instanceof IOException);
        }
    }

    /** A real full disk: a 64 KiB tmpfs (mounted as root, as this machine and CI run the tests). */
    @Test
    void aJsonTranscriptOnAFullDiskFailsAndLeavesNoTemporaryFile() throws Exception {
        Path small = Files.createDirectory(dir.resolve("small"));
        // Only root may mount; CI runs as root, so there it always runs.
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString()) == 0, "cannot mount a small tmpfs here (not root)");
        try {
            Path path = small.resolve("debate.json");
            TranscriptFile file = Transcripts.open(path, TranscriptFormat.JSON, false);
            file.debateStarted(ScriptedDebate.ID, ScriptedDebate.judgedSettings(), ScriptedDebate.T0);
            file.turnStarted(ScriptedDebate.ID, 1, dev.arena.debate.Side.PRO, dev.arena.debate.Phase.OPENING, "a/b", ScriptedDebate.T0);
            TranscriptWriteException e = assertThrows(TranscriptWriteException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    file.delta(ScriptedDebate.ID, dev.arena.debate.Side.PRO, "x".repeat(8 * 1024));
                    Thread.sleep(JsonDebateFile.THROTTLE_MS + 10); // each delta written, not throttled
                }
            });
            assertEquals("cannot write the transcript " + path + " (no space left on device)", e.getMessage());
            assertThrows(IOException.class, file::close, "the pending text cannot be written either");
            try (Stream<Path> files = Files.list(small)) {
                assertEquals(List.of(path), files.toList(), "no temporary file is left");
            }
        } finally {
            run("umount", small.toString());
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
