package dev.arena.openrouter;

import java.io.IOException;

/** The connection failed: nothing listening, a reset, or a body cut before its end. */
public final class NetworkException extends ApiException {

    public NetworkException(String model, String message, IOException cause) {
        super(model, message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
