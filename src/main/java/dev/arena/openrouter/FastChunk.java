package dev.arena.openrouter;

import static dev.arena.openrouter.JsonBytes.ascii;

/**
 * The fast path for the chunk that makes up almost all of a stream: one choice whose delta
 * carries only a piece of content, and no finish reason, usage, reasoning or error. Such a chunk
 * is read in one forward pass over its UTF-8 bytes, walking the keys in the order they come (only
 * the content and model strings are read again, to decode them); anything else, or anything
 * unexpected in it, returns null and goes to {@link ChunkDecoder}'s full parse. So the result is
 * always either exactly the full parser's, or null.
 *
 * <p>It works on bytes, without decoding the event into a String first, and in a single pass
 * rather than a dozen {@code indexOf} scans, because arena runs on C1 alone (a fresh JVM per
 * run, {@code -XX:TieredStopAtLevel=1}), which runs {@code String.indexOf} as a plain loop, not
 * as an intrinsic: every pass over the bytes costs in full.
 *
 * <p>The shape it takes: a root object with a {@code "choices"} array of exactly one object, whose
 * {@code "delta"} object holds only {@code role} (a string), {@code content} (a string or null),
 * {@code reasoning} (null) and {@code reasoning_details} ({@code []}), as OpenRouter sends them with
 * plain content; the choice's {@code "finish_reason"}, if any, is null, and it has no
 * {@code "message"} or {@code "error"}; the root's {@code "model"} is a string without escapes,
 * its {@code "provider"}, if any, too,
 * its {@code "usage"} null (vLLM and OpenAI send {@code "usage":null} in every chunk), and it has
 * no {@code "error"}. Other keys are skipped. The keys it reads must not repeat, since the full
 * parser keeps the last of them, nor be spelled with escapes, since it decodes them.
 */
final class FastChunk {

    private static final byte[] CHOICES = ascii("choices");
    private static final byte[] MODEL = ascii("model");
    private static final byte[] PROVIDER = ascii("provider");
    private static final byte[] USAGE = ascii("usage");
    private static final byte[] ERROR = ascii("error");
    private static final byte[] DELTA = ascii("delta");
    private static final byte[] FINISH_REASON = ascii("finish_reason");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] ROLE = ascii("role");
    private static final byte[] CONTENT = ascii("content");
    private static final byte[] REASONING = ascii("reasoning");
    private static final byte[] REASONING_DETAILS = ascii("reasoning_details");

    private final JsonBytes in;
    private boolean sawChoices;
    private boolean sawModel;
    private boolean sawProvider;
    private boolean sawDelta;
    private boolean sawContent;
    private String model;
    private String provider;
    private String content;

    private FastChunk(JsonBytes in) {
        this.in = in;
    }

    /**
     * The chunk in {@code a[off..off+len)}, the UTF-8 data of one event, or null when it is not
     * the common shape and the full parser must read it.
     */
    static Chunk tryDecode(byte[] a, int off, int len) {
        FastChunk chunk = new FastChunk(new JsonBytes(a, off, len));
        return chunk.root() ? new Chunk(chunk.content, null, chunk.model, null, null, null, chunk.provider) : null;
    }

    private boolean root() {
        if (!in.take('{')) {
            return false;
        }
        do {
            if (!plainKey() || !rootMember()) {
                return false;
            }
        } while (in.take(','));
        // Nothing may follow: trailing text makes the full parser refuse the event, and servers
        // send no trailing whitespace, so there is no need to tell the two apart here.
        return in.take('}') && in.atEnd() && sawChoices;
    }

    private boolean rootMember() {
        if (in.keyIs(CHOICES)) {
            if (sawChoices) {
                return false;
            }
            sawChoices = true;
            return in.take('[') && choice() && in.take(']');
        }
        if (in.keyIs(MODEL)) {
            if (sawModel) {
                return false;
            }
            sawModel = true;
            return model();
        }
        if (in.keyIs(PROVIDER)) {
            if (sawProvider || !in.string() || in.escaped()) {
                return false;
            }
            sawProvider = true;
            provider = in.text();
            return true;
        }
        if (in.keyIs(USAGE)) {
            return in.takeNull();
        }
        return !in.keyIs(ERROR) && in.skipValue();
    }

    private boolean model() {
        if (!in.string() || in.escaped()) {
            return false;
        }
        model = in.text();
        return true;
    }

    private boolean choice() {
        if (!in.take('{')) {
            return false;
        }
        do {
            if (!plainKey() || !choiceMember()) {
                return false;
            }
        } while (in.take(','));
        return in.take('}') && sawDelta;
    }

    private boolean choiceMember() {
        if (in.keyIs(DELTA)) {
            if (sawDelta) {
                return false;
            }
            sawDelta = true;
            return delta();
        }
        if (in.keyIs(FINISH_REASON)) {
            return in.takeNull();
        }
        return !in.keyIs(MESSAGE) && !in.keyIs(ERROR) && in.skipValue();
    }

    private boolean delta() {
        if (!in.take('{')) {
            return false;
        }
        if (in.take('}')) {
            return true;
        }
        do {
            if (!plainKey() || !deltaMember()) {
                return false;
            }
        } while (in.take(','));
        return in.take('}');
    }

    /** Only the keys of a plain content delta; tool calls, refusals and the like need the parser. */
    private boolean deltaMember() {
        if (in.keyIs(CONTENT)) {
            if (sawContent) {
                return false;
            }
            sawContent = true;
            return content();
        }
        if (in.keyIs(ROLE)) {
            return in.string();
        }
        if (in.keyIs(REASONING)) {
            return in.takeNull();
        }
        return in.keyIs(REASONING_DETAILS) && in.take('[') && in.take(']');
    }

    private boolean content() {
        if (in.takeNull()) {
            return true;
        }
        if (!in.string()) {
            return false;
        }
        content = in.text();
        return content != null;
    }

    /** A key at a level this class reads: one spelled with escapes could be any of them. */
    private boolean plainKey() {
        return in.key() && !in.escaped();
    }
}
