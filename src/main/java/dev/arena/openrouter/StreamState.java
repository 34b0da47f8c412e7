package dev.arena.openrouter;

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

    boolean done() {
        return done;
    }

    void markDone() {
        done = true;
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
            error = new StreamErrorException(requestedModel, chunk.error().code(), chunk.error().message());
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
     * Ends the stream. Some servers end without [DONE] or without a finish reason, so a
     * clean end of the body is accepted; a body that carried no chunk at all is not.
     */
    Completion finish() throws ApiException {
        if (error != null) {
            throw error;
        }
        if (!sawAnything && !done) {
            throw new MalformedResponseException(requestedModel, "the server ended the stream without sending an answer");
        }
        return new Completion(servedModel == null ? requestedModel : servedModel, finishReason, usage, generationId);
    }
}
