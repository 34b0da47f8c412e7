package dev.arena.openrouter;

/**
 * The parts of one streamed chunk that arena uses; every field may be null, since servers
 * omit what they have no value for (the usage chunk has no choices, error chunks no delta).
 */
record Chunk(String content, String reasoning, String model, String finishReason, Usage usage, ErrorBody error,
             String provider) {

    /** An {@code error} object: the code may be a number or a string, so it is kept as text. */
    record ErrorBody(String code, String message) {
    }
}
