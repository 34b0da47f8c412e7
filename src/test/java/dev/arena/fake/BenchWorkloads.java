package dev.arena.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The workloads of the benchmark ({@code bin/bench}), served by the fake as models
 * {@code bench/<workload>}, and the exact answer text each one streams, so that a client's output
 * can be checked byte for byte.
 *
 * <p>The text is generated, not stored: piece {@code i} of a stream is one of a few short pieces
 * (some with multi-byte UTF-8, a newline and quotes that JSON must escape), picked by a fixed hash
 * of {@code i}. So the server can precompute one event per distinct piece and write them over and
 * over, and anyone can recompute the expected text without the server.
 */
public final class BenchWorkloads {

    /** The workloads, in the order the benchmark runs them. */
    public static final List<String> NAMES = List.of("hello", "paced", "flood-200k", "flood-2m");

    /** {@code paced}: this many content chunks, this far apart (the stream spans 1 s). */
    public static final int PACED_CHUNKS = 50;
    public static final int PACED_INTERVAL_MILLIS = 20;

    /** {@code hello}: a short answer of a few chunks, one event per HTTP chunk like a real server. */
    private static final String[] HELLO = {"Hello", ", ", "wörld", "! 👋"};

    /** The pieces of {@code paced} and the floods: a few characters each, some multi-byte. */
    static final String[] PIECES = {
        "The", " quick", " café", " costs", " 5€", ",", " 日本", " says",
        " 😀", " and", "\n", " \"ok\"", " naïve", " x", " 42", ".",
    };

    private BenchWorkloads() {
    }

    public static String model(String workload) {
        return "bench/" + workload;
    }

    /** Scripts every workload's model on this fake (and {@code fake/echo} for manual tries). */
    public static FakeOpenRouter serveAll(FakeOpenRouter fake) {
        fake.script("fake/echo", Reply.echo());
        for (String workload : NAMES) {
            fake.script(model(workload), reply(workload));
        }
        return fake;
    }

    /** How many content chunks the workload streams. */
    public static long contentChunks(String workload) {
        return switch (workload) {
            case "hello" -> HELLO.length;
            case "paced" -> PACED_CHUNKS;
            case "flood-200k" -> 200_000;
            case "flood-2m" -> 2_000_000;
            default -> throw new IllegalArgumentException("unknown workload: " + workload
                    + " (known: " + String.join(", ", NAMES) + ")");
        };
    }

    static Reply reply(String workload) {
        long count = contentChunks(workload);
        return switch (workload) {
            case "hello" -> new BenchReply(HELLO, i -> (int) i, count, 0, false);
            case "paced" -> new BenchReply(PIECES, BenchWorkloads::pieceIndex, count, PACED_INTERVAL_MILLIS, false);
            default -> flood(count);
        };
    }

    /** A flood of this many content chunks, sent in 64 KB HTTP chunks; its text is {@link #floodText}. */
    static Reply flood(long count) {
        return new BenchReply(PIECES, BenchWorkloads::pieceIndex, count, 0, true);
    }

    /** Which of {@link #PIECES} is piece {@code i} of a stream: the top 4 bits of a Fibonacci hash. */
    static int pieceIndex(long i) {
        return (int) ((i * 0x9E3779B97F4A7C15L) >>> 60);
    }

    /** Writes the workload's answer text, UTF-8, exactly as streamed (no trailing newline). */
    public static void writeExpected(String workload, OutputStream out) throws IOException {
        long count = contentChunks(workload);
        boolean hello = workload.equals("hello");
        byte[][] encoded = encode(hello ? HELLO : PIECES);
        for (long i = 0; i < count; i++) {
            out.write(encoded[hello ? (int) i : pieceIndex(i)]);
        }
    }

    /** The workload's answer text as UTF-8 bytes (about 10 MB for {@code flood-2m}). */
    public static byte[] expectedContent(String workload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeExpected(workload, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The answer text of a flood-shaped stream of this many content chunks (as {@link #sseBody} sends). */
    public static String floodText(int contentChunks) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < contentChunks; i++) {
            text.append(PIECES[pieceIndex(i)]);
        }
        return text.toString();
    }

    /**
     * A whole OpenRouter-shaped event stream body, as the floods send it, with this many content
     * chunks: for benchmarks of the parse path that need the bytes without a server.
     */
    public static byte[] sseBody(String model, int contentChunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BenchReply.writeBody(Chunks.openRouter(model), PIECES, BenchWorkloads::pieceIndex, contentChunks, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[][] encode(String[] pieces) {
        byte[][] encoded = new byte[pieces.length][];
        for (int k = 0; k < pieces.length; k++) {
            encoded[k] = pieces[k].getBytes(StandardCharsets.UTF_8);
        }
        return encoded;
    }
}
