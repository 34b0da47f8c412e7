package dev.arena.fake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain JSON error with a Content-Length body: how OpenRouter fails before the first token,
 * even on streaming requests (protocol §3).
 */
public final class ErrorReply extends Reply {

    private final int status;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    ErrorReply(int status, String jsonBody) {
        this.status = status;
        this.body = jsonBody.getBytes(StandardCharsets.UTF_8);
        headers.put("Content-Type", "application/json");
    }

    /** Adds (or replaces, ignoring case) a response header, e.g. {@code Retry-After: 2}. */
    public ErrorReply header(String name, String value) {
        headers.keySet().removeIf(name::equalsIgnoreCase);
        headers.put(name, value);
        return this;
    }

    @Override
    boolean serve(Exchange exchange) throws IOException {
        exchange.connection().sendFixed(status, headers, body);
        return true;
    }
}
