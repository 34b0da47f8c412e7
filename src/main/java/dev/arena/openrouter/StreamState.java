package dev.arena.openrouter;

import dev.arena.sse.SseParser;
import dev.arena.text.Redactor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/** What one stream has told us so far: who answers, how it ended, what it cost. */
final class StreamState {

    private static final byte[] DONE_MARKER = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    private final String requestedModel;
    private final String generationId;
    private final Redactor redactor;
    private String servedModel;
    private String provider;
    private String finishReason;
    private Usage usage = Usage.NONE;
    private boolean done;
    private boolean sawAnything;
    private StreamErrorException error;

    /** A stream from a server that was sent no key, so there is none to remove. */
    StreamState(String requestedModel, String generationId) {
        this(requestedModel, generationId, Redactor.NONE);
    }

    /**
     * Every string the server controls that arena keeps from here (the served model, the
     * generation id, the finish reason, error messages) is made one clean line without the
     * key as it enters, so no view, transcript or JSON event can show it raw.
     */
    StreamState(String requestedModel, String generationId, Redactor redactor) {
        this.requestedModel = requestedModel;
        this.redactor = redactor;
        this.generationId = generationId == null ? null : HttpErrors.serverText(generationId, redactor);
    }

    String requestedModel() {
        return requestedModel;
    }

    boolean done() {
        return done;
    }

    void markDone() {
        done = true;
    }

    /** The handler took all it wanted: the stream ends here, {@link Completion#CUT}, whatever follows. */
    void cut() {
        finishReason = Completion.CUT;
        done = true;
    }

    /**
     * A parser whose events feed this stream: {@code [DONE]} ends it, each JSON chunk is decoded
     * and handed to {@code handler}, and data that is not a JSON object goes to {@code skipped};
     * every event's data goes to {@code seen} first, when not null (the debug log: only then
     * is the fast path's data made a String).
     * Events after the end, and after the handler stopped wanting more, are ignored.
     *
     * <p>The events are read as bytes: the common content chunk goes through {@link FastChunk}
     * without ever becoming a String, and only the rest is decoded for {@code decoder}.
     */
    SseParser parser(ChunkDecoder decoder, StreamHandler handler, Consumer<String> skipped, Consumer<String> seen) {
        return new SseParser((type, data, offset, length, lastEventId, retry) -> {
            if (done || !handler.wantsMore()) {
                return; // after the end, or after all the handler takes (the rest of one read)
            }
            if (seen != null) {
                seen.accept(new String(data, offset, length, StandardCharsets.UTF_8));
            }
            if (isDoneMarker(data, offset, length)) {
                done = true;
                return;
            }
            Chunk chunk = FastChunk.tryDecode(data, offset, length);
            if (chunk == null) {
                String text = new String(data, offset, length, StandardCharsets.UTF_8);
                chunk = decoder.parse(text);
                if (chunk == null) {
                    skipped.accept(text);
                    return;
                }
            }
            accept(chunk, handler);
        });
    }

    /** The data is exactly {@code [DONE]}: as ASCII decodes to itself, the same as comparing text. */
    private static boolean isDoneMarker(byte[] data, int offset, int length) {
        return Arrays.equals(data, offset, offset + length, DONE_MARKER, 0, DONE_MARKER.length);
    }

    void accept(Chunk chunk, StreamHandler handler) {
        if (chunk == null) {
            return;
        }
        sawAnything = true;
        if (servedModel == null && chunk.model() != null) {
            String model = HttpErrors.serverText(chunk.model(), redactor);
            servedModel = model.isEmpty() ? null : model;
        }
        // The fast parser skips it; OpenRouter repeats it in the usage chunk, which the full one reads.
        if (provider == null && chunk.provider() != null) {
            String name = HttpErrors.serverText(chunk.provider(), redactor);
            provider = name.isEmpty() ? null : name;
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        if (chunk.finishReason() != null) {
            finishReason = HttpErrors.serverText(chunk.finishReason(), redactor);
        }
        if (chunk.error() != null) {
            error = new StreamErrorException(requestedModel, HttpErrors.serverText(chunk.error().code(), redactor),
                    HttpErrors.serverText(chunk.error().message(), redactor));
            done = true;
            return;
        }
        if (chunk.reasoning() != null && !chunk.reasoning().isEmpty()) {
            handler.onReasoning(chunk.reasoning());
        }
        if (chunk.content() != null && !chunk.content().isEmpty()) {
            handler.onContent(chunk.content());
        }
    }

    /**
     * Ends the stream. Servers end with [DONE], or at least with a finish reason (some
     * OpenRouter streams lack one, some servers lack [DONE]); a body that stops with
     * neither was cut short, however cleanly the connection closed.
     */
    Completion finish() throws ApiException {
        if (error != null) {
            throw error;
        }
        if (!sawAnything && !done) {
            throw new MalformedResponseException(requestedModel, "the server ended the stream without sending an answer");
        }
        if ("error".equals(finishReason)) {
            throw new StreamErrorException(requestedModel, "", "the provider ended the answer with an error");
        }
        if (!done && finishReason == null) {
            throw new NetworkException(requestedModel, "the stream ended early, without [DONE] or a finish reason",
                    new IOException("truncated stream"));
        }
        return new Completion(servedModel == null ? requestedModel : servedModel, finishReason, usage, generationId, provider);
    }
}
