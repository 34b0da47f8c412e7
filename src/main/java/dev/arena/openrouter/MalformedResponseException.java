package dev.arena.openrouter;

/**
 * The server's answer was not what the protocol promises (wrong content type, an empty
 * stream). The same model would likely answer the same way, so it is not retried.
 */
public final class MalformedResponseException extends ApiException {

    public MalformedResponseException(String model, String message) {
        super(model, message, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
