package dev.arena.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextSinkTest {

    /** Counts flushes so tests can tell buffering from passing through. */
    static final class Recording extends ByteArrayOutputStream {
        int flushes;

        @Override
        public void flush() {
            flushes++;
        }
    }

    /** A pipe whose reader went away. */
    static final class Broken extends OutputStream {
        final boolean failWrite;
        final boolean failFlush;

        Broken(boolean failWrite, boolean failFlush) {
            this.failWrite = failWrite;
            this.failFlush = failFlush;
        }

        @Override
        public void write(int b) throws IOException {
            if (failWrite) {
                throw new IOException("Broken pipe");
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failWrite) {
                throw new IOException("Broken pipe");
            }
        }

        @Override
        public void flush() throws IOException {
            if (failFlush) {
                throw new IOException("Broken pipe");
            }
        }
    }

    /** A stream whose every write fails with {@code message}. */
    static final class Failing extends OutputStream {
        final String message;

        Failing(String message) {
            this.message = message;
        }

        @Override
        public void write(int b) throws IOException {
            throw new IOException(message);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "café", "日本語のテキスト", "😀👍🏽🇫🇷", "line\nbreak\r\n", "\u2028\u0000\uFEFF"})
    void writesUtf8Exactly(String text) {
        Recording out = new Recording();
        new TextSink(out).write(text).flush();
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void piecesAreConcatenated() {
        Recording out = new Recording();
        TextSink sink = new TextSink(out);
        sink.write("Hel").write("lo, ").write("wörld ").write("😀");
        sink.flush();
        assertEquals("Hello, wörld 😀", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void smallWritesStayBufferedUntilFlush() {
        Recording out = new Recording();
        TextSink sink = new TextSink(out);
        sink.write("one ").write("two ").write("three");
        assertEquals(0, out.size(), "nothing reaches the stream before flush()");
        assertEquals(0, out.flushes);
        sink.flush();
        assertEquals("one two three", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, out.flushes);
    }

    @Test
    void flushWithNothingBufferedStillFlushesTheStream() {
        Recording out = new Recording();
        new TextSink(out).flush();
        assertEquals(0, out.size());
        assertEquals(1, out.flushes);
    }

    @Test
    void textLongerThanTheBufferIsWrittenWhole() {
        Recording out = new Recording();
        TextSink sink = new TextSink(out);
        String big = "😀é日x".repeat(3000); // 4+2+3+1 = 10 bytes each: 30,000 bytes
        sink.write("start:").write(big).write(":end");
        sink.flush();
        assertEquals("start:" + big + ":end", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void manyWritesCrossingTheBufferBoundaryKeepOrderAndBytes() {
        Recording out = new Recording();
        TextSink sink = new TextSink(out);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            String piece = i + "😀" + (i % 7 == 0 ? "ü".repeat(i % 50) : "") + ",";
            sink.write(piece);
            expected.append(piece);
        }
        sink.flush();
        assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void exactlyTheBufferSizeIsBufferedAndOneMoreByteDrains() {
        Recording out = new Recording();
        TextSink sink = new TextSink(out);
        sink.write("a".repeat(8192));
        assertEquals(0, out.size(), "8 KiB fits the buffer");
        sink.write("b");
        assertEquals(8192, out.size(), "the full buffer is drained before the next piece");
        sink.flush();
        assertEquals("a".repeat(8192) + "b", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writeFailureOnFlushIsOutputClosed() {
        TextSink sink = new TextSink(new Broken(true, false));
        sink.write("buffered");
        OutputClosedException e = assertThrows(OutputClosedException.class, sink::flush);
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void flushFailureIsOutputClosed() {
        TextSink sink = new TextSink(new Broken(false, true));
        sink.write("x");
        OutputClosedException e = assertThrows(OutputClosedException.class, sink::flush);
        assertEquals("Broken pipe", e.getCause().getMessage());
    }

    @Test
    void writeFailureOnALargeWriteIsOutputClosed() {
        TextSink sink = new TextSink(new Broken(true, false));
        assertThrows(OutputClosedException.class, () -> sink.write("z".repeat(20_000)));
    }

    @Test
    void writeFailureWhenTheBufferFillsIsOutputClosed() {
        TextSink sink = new TextSink(new Broken(true, false));
        sink.write("a".repeat(8000));
        assertThrows(OutputClosedException.class, () -> sink.write("b".repeat(500)));
    }

    @Test
    void aFullDiskIsAFailureNotAClosedPipe() {
        FailingStream out = FailingStream.diskFullAfter(5);
        TextSink sink = new TextSink(out);
        sink.write("hello").flush();
        OutputFailedException e = assertThrows(OutputFailedException.class, () -> sink.write(" world").flush());
        assertEquals("no space left on device", e.reason());
        assertEquals("hello", out.text());
        assertTrue(sink.failed());
    }

    @Test
    void anIoErrorIsAFailureToo() {
        TextSink sink = new TextSink(new Failing("Input/output error"));
        OutputFailedException e = assertThrows(OutputFailedException.class, () -> sink.write("x").flush());
        assertEquals("input/output error", e.reason());
    }

    @Test
    void aSinkFailsOnceThenDropsEverythingQuietly() {
        FailingStream out = FailingStream.diskFullAfter(0);
        TextSink sink = new TextSink(out);
        assertThrows(OutputFailedException.class, () -> sink.write("lost").flush());
        // The goodbye writes (a cut line's newline, an error event, an end record) must not throw again.
        sink.write("\n").write("z".repeat(20_000)).flush();
        assertEquals(1, out.failures(), "no second attempt at a stream that failed");
        assertEquals("", out.text());
    }

    @Test
    void aBrokenPipeAfterSomeTextIsOutputClosedAndKeepsWhatWentThrough() {
        FailingStream out = FailingStream.brokenPipeAfter(3);
        TextSink sink = new TextSink(out);
        sink.write("abc").flush();
        assertThrows(OutputClosedException.class, () -> sink.write("def").flush());
        assertEquals("abc", out.text());
        sink.write("more").flush();
        assertEquals(1, out.failures());
    }

    /** The JVM's own words for EPIPE, whatever the locale, come from a real pipe whose reader closed. */
    @Test
    void aRealPipeWhoseReaderClosedIsOutputClosed() throws IOException {
        Pipe pipe = Pipe.open();
        pipe.source().close();
        TextSink sink = new TextSink(Channels.newOutputStream(pipe.sink()));
        assertThrows(OutputClosedException.class, () -> sink.write("nobody reads this").flush());
        pipe.sink().close();
    }

    @Test
    void theDeviceThatIsAlwaysFullIsAFailure() throws IOException {
        try (OutputStream full = new FileOutputStream("/dev/full")) {
            TextSink sink = new TextSink(full);
            OutputFailedException e = assertThrows(OutputFailedException.class, () -> sink.write("x").flush());
            assertEquals("no space left on device", e.reason());
        }
    }

    @Test
    void writeReturnsTheSinkForChaining() {
        TextSink sink = new TextSink(new Recording());
        assertSame(sink, sink.write("x"));
    }
}
