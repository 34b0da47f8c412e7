package dev.arena.openrouter;

/**
 * An {@code error} object arrived inside a 200 stream: the provider failed after the
 * response had started. The code may be a number or a string, so it is kept as text.
 */
public final class StreamErrorException extends ApiException {

    private final String code;

    public StreamErrorException(String model, String code, String serverMessage) {
        super(model, "error in stream" + (code.isEmpty() ? "" : " (" + code + ")") + ": " + serverMessage, null);
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
