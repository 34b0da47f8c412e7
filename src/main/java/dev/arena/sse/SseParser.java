package dev.arena.sse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Incremental parser for a {@code text/event-stream}: raw bytes in, events out, either decoded as
 * {@link SseEvent}s or with their data left as UTF-8 bytes for an {@link SseBytesListener}.
 *
 * <p>It follows the WHATWG HTML "event stream interpretation" rules
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation).
 * The bytes may arrive split anywhere (mid-line, between CR and LF, inside a UTF-8 character), so
 * the parser keeps the unfinished line between {@link #feed} calls and only ever decodes whole
 * lines. That is safe because the bytes CR (0x0D) and LF (0x0A) never occur inside a multi-byte
 * UTF-8 sequence: every byte of such a sequence has its high bit set.
 *
 * <p>The work is done on bytes, not characters, because a streamed LLM answer is mostly framing
 * ({@code data: }, comments, blank lines) around small JSON payloads: comment lines are skipped on
 * their first byte, field names are compared as bytes, and only values that are kept are decoded;
 * an {@link SseBytesListener} even receives the data undecoded, for a consumer that reads JSON
 * from bytes.
 *
 * <p>Not thread-safe: one parser reads one stream, from one thread.
 */
public final class SseParser {

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte COLON = ':';
    private static final byte SPACE = ' ';

    private static final byte[] DATA = ascii("data");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] ID = ascii("id");
    private static final byte[] RETRY = ascii("retry");

    /** Marks "no retry field since the last dispatch"; a parsed retry is never negative. */
    private static final int NO_RETRY = -1;

    private final SseBytesListener listener;

    /**
     * Bytes of a line that a feed ended in the middle of. Reused for every line (grown, never
     * shrunk) so a long stream does not allocate a buffer per line. Lines that lie entirely inside
     * one fed array are parsed in place and never copied here.
     */
    private byte[] line = new byte[256];

    /** The largest line or event accepted: far beyond any real chunk, far below a memory problem. */
    public static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;
    private int lineLen;

    /**
     * The data buffer of the spec, kept as UTF-8 bytes: every data line's value followed by LF.
     * Decoding once at dispatch, instead of once per data line, saves a String and a copy per
     * line; joining bytes first and decoding after gives the same text, because each value is
     * itself cut at a line end, which ends any truncated UTF-8 sequence just as decoding it alone
     * would.
     */
    private byte[] data = new byte[1024];
    private int dataLen;

    /** The event type buffer; {@code null} stands for the spec's empty string, i.e. "message". */
    private String eventType;

    /** The last event ID buffer; {@code null} stands for the spec's empty string. Never reset. */
    private String lastEventId;

    private int retry = NO_RETRY;

    /** The previous feed ended in CR, so an LF starting the next feed is the rest of a CRLF. */
    private boolean skipLf;

    /** A UTF-8 byte order mark is only skipped at the very start of the stream, on the first line. */
    private boolean firstLine = true;

    private boolean finished;

    /**
     * @param sink receives each event as soon as the blank line that ends it has been fed; it is
     *     called on the thread that calls {@link #feed}
     */
    public SseParser(Consumer<SseEvent> sink) {
        this(decoding(Objects.requireNonNull(sink, "sink")));
    }

    /**
     * @param listener receives each event, its data as bytes, as soon as the blank line that ends it
     *     has been fed; it is called on the thread that calls {@link #feed}
     */
    public SseParser(SseBytesListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The {@link SseEvent} form is the byte form decoded, so both share one dispatch path. */
    private static SseBytesListener decoding(Consumer<SseEvent> sink) {
        return (type, data, offset, length, lastEventId, retry) ->
                sink.accept(new SseEvent(type, decode(data, offset, length), lastEventId, retry));
    }

    /**
     * Parses the next {@code len} bytes of the stream, {@code buf[off]} to {@code buf[off+len-1]},
     * dispatching every event they complete. The parser does not keep a reference to {@code buf},
     * so the caller may reuse it as soon as this returns.
     *
     * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not fit inside {@code buf}
     * @throws IllegalStateException if {@link #finish} was already called
     */
    public void feed(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (finished) {
            throw new IllegalStateException("feed() after finish()");
        }
        int end = off + len;
        int i = off;
        // A feed of zero bytes must leave skipLf alone: the LF may still come in the next feed.
        if (skipLf && i < end) {
            skipLf = false;
            if (buf[i] == LF) {
                i++;
            }
        }
        int lineStart = i;
        while (i < end) {
            byte b = buf[i];
            if (b != LF && b != CR) {
                i++;
                continue;
            }
            if (lineLen == 0) {
                // The whole line is inside buf: parse it in place, without copying.
                parseLine(buf, lineStart, i - lineStart);
            } else {
                // The line started in an earlier feed: complete it in the line buffer.
                appendToLine(buf, lineStart, i - lineStart);
                int n = lineLen;
                // Cleared before parsing so that a listener that throws leaves no stale half line.
                lineLen = 0;
                parseLine(line, 0, n);
            }
            i++;
            if (b == CR) {
                if (i == end) {
                    skipLf = true;
                } else if (buf[i] == LF) {
                    i++;
                }
            }
            lineStart = i;
        }
        appendToLine(buf, lineStart, end - lineStart);
    }

    /** Applies one complete line, without its line end, found at {@code a[start..start+len)}. */
    private void parseLine(byte[] a, int start, int len) {
        if (firstLine) {
            firstLine = false;
            if (len >= 3 && a[start] == (byte) 0xEF && a[start + 1] == (byte) 0xBB
                    && a[start + 2] == (byte) 0xBF) {
                start += 3;
                len -= 3;
            }
        }
        if (len == 0) {
            dispatch();
            return;
        }
        // Comments (OpenRouter sends ": OPENROUTER PROCESSING" as a keep-alive) are skipped on
        // their first byte, without scanning or decoding the rest of the line.
        if (a[start] == COLON) {
            return;
        }
        int lineEnd = start + len;
        int colon = start;
        while (colon < lineEnd && a[colon] != COLON) {
            colon++;
        }
        int nameLen = colon - start;
        int valueStart = colon;
        if (colon < lineEnd) {
            valueStart++;
            // Only one space is removed, so "data:  x" keeps " x": the rest is payload.
            if (valueStart < lineEnd && a[valueStart] == SPACE) {
                valueStart++;
            }
        }
        int valueLen = lineEnd - valueStart;

        // "data" comes first because almost every line of a streamed answer is a data line.
        if (nameIs(a, start, nameLen, DATA)) {
            appendData(a, valueStart, valueLen);
        } else if (nameIs(a, start, nameLen, EVENT)) {
            eventType = valueLen == 0 ? null : decode(a, valueStart, valueLen);
        } else if (nameIs(a, start, nameLen, ID)) {
            // The spec ignores an ID containing NUL, because an ID is sent back to the server in
            // the Last-Event-ID header, where NUL cannot appear.
            if (indexOf(a, valueStart, lineEnd, (byte) 0) < 0) {
                lastEventId = valueLen == 0 ? null : decode(a, valueStart, valueLen);
            }
        } else if (nameIs(a, start, nameLen, RETRY)) {
            int millis = parseRetry(a, valueStart, lineEnd);
            if (millis != NO_RETRY) {
                retry = millis;
            }
        }
        // Any other field name is ignored, as the spec says, so servers can add fields freely.
    }

    /** The blank line: hands the event collected so far to the listener, if it has any data. */
    private void dispatch() {
        if (dataLen == 0) {
            // No data field at all, so nothing to dispatch; the type applies to this event only.
            // The last event ID and any pending retry are kept, as they are not per-event.
            eventType = null;
            return;
        }
        String type = eventType == null ? "message" : eventType;
        Integer retryField = retry == NO_RETRY ? null : Integer.valueOf(retry);
        // The data buffer always ends in the LF appended after the last data line; drop it.
        int length = dataLen - 1;
        // Reset before calling the listener, so the parser is consistent even if it throws. The
        // bytes stay in the buffer until the next data line, so the listener still reads them.
        dataLen = 0;
        eventType = null;
        retry = NO_RETRY;
        listener.onEvent(type, data, 0, length, lastEventId, retryField);
    }

    private void appendToLine(byte[] buf, int off, int len) {
        if (len == 0) {
            return;
        }
        checkSize(lineLen + len);
        if (lineLen + len > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + len));
        }
        System.arraycopy(buf, off, line, lineLen, len);
        lineLen += len;
    }

    private void appendData(byte[] a, int off, int len) {
        checkSize(dataLen + len + 1);
        if (dataLen + len + 1 > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, dataLen + len + 1));
        }
        System.arraycopy(a, off, data, dataLen, len);
        dataLen += len;
        data[dataLen++] = LF;
    }

    /** A line or event without end would grow until memory runs out; a real chunk is a few KB. */
    private static void checkSize(long bytes) {
        if (bytes > MAX_EVENT_BYTES) {
            throw new EventTooLargeException(MAX_EVENT_BYTES);
        }
    }

    private static boolean nameIs(byte[] a, int start, int len, byte[] name) {
        if (len != name.length) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (a[start + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int k = from; k < to; k++) {
            if (a[k] == b) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The spec accepts a retry value only if it is all ASCII digits; anything else, including an
     * empty value or a number too big for an int, is ignored rather than guessed at.
     *
     * @return the value, or {@link #NO_RETRY} if the field is to be ignored
     */
    private static int parseRetry(byte[] a, int from, int to) {
        if (from == to) {
            return NO_RETRY;
        }
        int value = 0;
        for (int k = from; k < to; k++) {
            int digit = a[k] - '0';
            if (digit < 0 || digit > 9 || value > (Integer.MAX_VALUE - digit) / 10) {
                return NO_RETRY;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Malformed UTF-8 becomes U+FFFD, as the spec's decoder requires; this never throws. */
    private static String decode(byte[] a, int off, int len) {
        return new String(a, off, len, StandardCharsets.UTF_8);
    }

    /**
     * Ends the stream. An event whose closing blank line never came is discarded, not dispatched,
     * as the spec requires: a stream cut off mid-event may have lost some of its data lines.
     * Calling it again has no effect.
     */
    public void finish() {
        finished = true;
        lineLen = 0;
        dataLen = 0;
        eventType = null;
        retry = NO_RETRY;
    }
}
