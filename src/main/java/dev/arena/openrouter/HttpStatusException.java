package dev.arena.openrouter;

import com.google.gson.JsonObject;

import java.time.Duration;
import java.util.Optional;

/**
 * The server answered with a non-2xx status before streaming began. Carries OpenRouter's
 * error message and metadata (for example {@code error_type} or a moderation reason).
 */
public final class HttpStatusException extends ApiException {

    private final int status;
    private final String serverMessage;
    private final JsonObject metadata;
    private final Duration retryAfter;

    public HttpStatusException(String model, int status, String serverMessage, JsonObject metadata, Duration retryAfter) {
        super(model, "HTTP " + status + (serverMessage.isEmpty() ? "" : ": " + serverMessage)
                + (retryAfter == null ? "" : "; the server asked to wait " + Durations.format(retryAfter)), null);
        this.status = status;
        this.serverMessage = serverMessage;
        this.metadata = metadata == null ? new JsonObject() : metadata;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String serverMessage() {
        return serverMessage;
    }

    public JsonObject metadata() {
        return metadata.deepCopy();
    }

    /** 401 (bad key) and 402 (no credits) concern the account, not the model: no fallback helps. */
    public boolean isAccountProblem() {
        return status == 401 || status == 402;
    }

    /** Request timeout, rate limit and server-side failures are worth another try. */
    @Override
    public boolean retryable() {
        return status == 408 || status == 429 || status >= 500;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
