package dev.arena.transcript;

import dev.arena.debate.DebateListener;
import dev.arena.debate.DebateOutcome;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.DebateSummary;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Phase;
import dev.arena.debate.Side;
import dev.arena.debate.Speaker;
import dev.arena.debate.Turn;
import dev.arena.debate.Verdict;
import dev.arena.files.AtomicFile;
import dev.arena.files.FileErrors;
import dev.arena.files.Visibility;
import dev.arena.files.NotReplaceableException;
import dev.arena.openrouter.ApiException;
import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.output.TextSink;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Opens {@code --out} transcript files. */
public final class Transcripts {

    private Transcripts() {
    }

    /**
     * A transcript at {@code path} in {@code format}, created or truncated now. Markdown and
     * JSON Lines are appended and flushed per event, so a killed process keeps everything
     * received; JSON is one document replaced atomically. Hold the file's
     * {@link dev.arena.files.WriteLock} before calling: this truncates.
     *
     * <p>An existing file that is not empty is overwritten only with {@code force}: a
     * transcript is often the only copy of a debate that cost money. An empty file, a FIFO or
     * a device ({@code /dev/stdout}) is written as it is. A JSON transcript is replaced by
     * rename, so only a regular file (or nothing) may be there.
     *
     * @throws TranscriptExistsException  when the file is not empty and {@code force} is not set
     * @throws NotReplaceableException    when a JSON transcript would replace a link, FIFO or device
     * @throws IOException when the file cannot be written; its message is only the reason
     *         ("the directory D does not exist", "X is a directory"), since the caller already
     *         says which transcript could not be written
     */
    public static TranscriptFile open(Path path, TranscriptFormat format, boolean force) throws IOException {
        check(path, format, force);
        if (format == TranscriptFormat.JSON) {
            return new JsonDebateFile(path);
        }
        OutputStream out = truncated(path);
        TextSink sink = new TextSink(out);
        DebateListener writer = format == TranscriptFormat.MARKDOWN
                ? new MarkdownDebateWriter(sink)
                : new JsonLinesDebateWriter(sink);
        return new StreamedFile(path, writer, sink, out);
    }

    /**
     * Writes a transcript whose whole {@code text} is known ({@code arena logs export --out}),
     * under the rules of {@link #open}: JSON replaced atomically, the others written in place.
     */
    public static void write(Path path, TranscriptFormat format, boolean force, String text) throws IOException {
        check(path, format, force);
        if (format == TranscriptFormat.JSON) {
            AtomicFile.write(path, text, Visibility.USER_CHOICE);
            return;
        }
        try (OutputStream out = truncated(path)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Refuses what {@link #open} must not write: see there. */
    private static void check(Path path, TranscriptFormat format, boolean force) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException(path + " is a directory");
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("the directory " + parent + " does not exist");
        }
        if (format == TranscriptFormat.JSON) {
            AtomicFile.checkReplaceable(path);
        }
        if (!force && Files.isRegularFile(path) && Files.size(path) > 0) {
            throw new TranscriptExistsException(path);
        }
        if (format == TranscriptFormat.JSON) {
            // Written only once the debate starts: tried now, so that /proc/x.json fails here as /proc/x.md does.
            try {
                AtomicFile.checkWritable(path, Visibility.USER_CHOICE);
            } catch (IOException e) {
                throw new IOException(FileErrors.reason(e), e);
            }
        }
    }

    /** The file, truncated, to write from its start. */
    private static OutputStream truncated(Path path) throws IOException {
        try {
            return new FileOutputStream(path.toFile());
        } catch (FileNotFoundException e) {
            throw new IOException(reason(e), e);
        }
    }

    /**
     * "Permission denied" from FileOutputStream's "/x/debate.md (Permission denied)": the
     * caller names the file already.
     */
    static String reason(FileNotFoundException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int open = message.lastIndexOf(" (");
        if (open < 0 || !message.endsWith(")")) {
            return message.isEmpty() ? "cannot open the file" : message;
        }
        String reason = message.substring(open + 2, message.length() - 1);
        return reason.isEmpty() ? message : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }

    /**
     * An appended transcript: the writer flushes every event through to the file. Its sink
     * fails like stdout's; here any failure, a closed pipe (a FIFO's reader) included, is a
     * failed transcript.
     */
    private static final class StreamedFile implements TranscriptFile {
        private final Path path;
        private final DebateListener writer;
        private final TextSink sink;
        private final OutputStream out;
        private boolean closed;

        StreamedFile(Path path, DebateListener writer, TextSink sink, OutputStream out) {
            this.path = path;
            this.writer = writer;
            this.sink = sink;
            this.out = out;
        }

        @Override
        public Path path() {
            return path;
        }

        @Override
        public void debateStarted(String debateId, DebateSettings settings, Instant at) {
            deliver(() -> writer.debateStarted(debateId, settings, at));
        }

        @Override
        public void turnStarted(String debateId, int round, Side side, Phase phase, String model, Instant at) {
            deliver(() -> writer.turnStarted(debateId, round, side, phase, model, at));
        }

        @Override
        public void delta(String debateId, Side side, String text) {
            deliver(() -> writer.delta(debateId, side, text));
        }

        @Override
        public void retry(String debateId, Speaker who, ApiException failure, Duration delay, int retry, int maxRetries) {
            deliver(() -> writer.retry(debateId, who, failure, delay, retry, maxRetries));
        }

        @Override
        public void waiting(String debateId, Speaker who, String model, Duration wait, String reason) {
            deliver(() -> writer.waiting(debateId, who, model, wait, reason));
        }

        @Override
        public void fallback(String debateId, Speaker who, FallbackNote note) {
            deliver(() -> writer.fallback(debateId, who, note));
        }

        @Override
        public void turnEnded(String debateId, Turn turn) {
            deliver(() -> writer.turnEnded(debateId, turn));
        }

        @Override
        public void judging(String debateId, String model) {
            deliver(() -> writer.judging(debateId, model));
        }

        @Override
        public void verdict(String debateId, Verdict verdict) {
            deliver(() -> writer.verdict(debateId, verdict));
        }

        @Override
        public void finished(String debateId, DebateSummary summary) {
            deliver(() -> writer.finished(debateId, summary));
        }

        @Override
        public void ended(String debateId, DebateOutcome outcome) {
            deliver(() -> writer.ended(debateId, outcome));
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                sink.flush();
            } catch (OutputClosedException | OutputFailedException e) {
                throw (IOException) e.getCause();
            } finally {
                out.close();
            }
        }

        private void deliver(Runnable event) {
            try {
                event.run();
            } catch (OutputClosedException | OutputFailedException e) {
                throw new TranscriptWriteException(path, (IOException) e.getCause());
            }
        }
    }
}
