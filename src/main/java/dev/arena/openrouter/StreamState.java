package dev.arena.openrouter;

import dev.arena.sse.SseParser;

import java.io.IOException;
import java.util.function.Consumer;

/** What one stream has told us so far: who answers, how it ended, what it cost. */
final class StreamState {

    private final String requestedModel;
    private final String generationId;
    private String servedModel;
    private String finishReason;
    private Usage usage = Usage.NONE;
    private boolean done;
    private boolean sawAnything;
    private StreamErrorException error;

    StreamState(String requestedModel, String generationId) {
        this.requestedModel = requestedModel;
        this.generationId = generationId;
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

    /**
     * A parser whose events feed this stream: {@code [DONE]} ends it, each JSON chunk is decoded
     * and handed to {@code handler}, and data that is not a JSON object goes to {@code skipped}.
     * Events after the end are ignored.
     */
    SseParser parser(ChunkDecoder decoder, StreamHandler handler, Consumer<String> skipped) {
        return new SseParser(event -> {
            if (done) {
                return;
            }
            String data = event.data();
            if ("[DONE]".equals(data)) {
                done = true;
                return;
            }
            Chunk chunk = decoder.decode(data);
            if (chunk == null) {
                skipped.accept(data);
                return;
            }
            accept(chunk, handler);
        });
    }

    void accept(Chunk chunk, StreamHandler handler) {
        if (chunk == null) {
            return;
        }
        sawAnything = true;
        if (servedModel == null && chunk.model() != null && !chunk.model().isEmpty()) {
            servedModel = chunk.model();
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        if (chunk.finishReason() != null) {
            finishReason = chunk.finishReason();
        }
        if (chunk.error() != null) {
            error = new StreamErrorException(requestedModel, HttpErrors.serverText(chunk.error().code()),
                    HttpErrors.serverText(chunk.error().message()));
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
        return new Completion(servedModel == null ? requestedModel : servedModel, finishReason, usage, generationId);
    }
}
