package dev.arena.openrouter;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.arena.text.Redactor;
import dev.arena.text.TerminalSanitizer;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Turns a non-2xx response into an {@link HttpStatusException}, whatever its body looks like. */
public final class HttpErrors {

    private static final int MAX_MESSAGE = 300;

    /**
     * RFC 9110 delay-seconds is digits only (a decimal part is tolerated). Checked before
     * Double.parseDouble, which also accepts "NaN", "Infinity", "1e3" and "5d": "Infinity"
     * became a wait of Long.MAX_VALUE ms, which overflowed RateLimits.pause.
     */
    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");

    private HttpErrors() {
    }

    /** Public for the other endpoints' clients (the model catalogue); {@code model} names what was asked. */
    public static HttpStatusException toException(String model, int status, String body, HttpHeaders headers) {
        return toException(model, status, body, headers, Redactor.NONE);
    }

    /** As above, with the key (which the server may echo back) removed from the message. */
    public static HttpStatusException toException(String model, int status, String body, HttpHeaders headers,
                                                  Redactor redactor) {
        String message = "";
        JsonObject metadata = null;
        Duration retryAfter = retryAfter(headers.firstValue("Retry-After").orElse(null));
        JsonObject error = errorObject(body);
        if (error != null) {
            String serverMessage = ChunkDecoder.string(error.get("message"));
            message = serverMessage == null ? "" : serverMessage;
            if (error.get("metadata") instanceof JsonObject meta) {
                metadata = meta;
            }
            // Model-availability errors say how long to wait in the body rather than a header.
            if (retryAfter == null && error.get("availability") instanceof JsonObject availability) {
                retryAfter = retryAfter(ChunkDecoder.string(availability.get("retry_after")));
            }
        } else if (status / 100 == 3) {
            message = "the server redirects to " + headers.firstValue("Location").orElse("another address")
                    + "; use that address as the base URL";
        } else if (!body.isBlank()) {
            // Not OpenRouter's JSON (a proxy's HTML page, a plain-text error): keep its start.
            message = body;
        }
        return new HttpStatusException(model, status, serverText(message, redactor), metadata, retryAfter);
    }

    /**
     * Server text made fit to show: a server (or a model, through an error event) may put
     * escape sequences in its messages, and these reach the user's terminal; so control
     * sequences go, whitespace collapses to one line, the key goes, and long text is cut.
     * The key goes after the sequences (a key split by one is whole again without it) and
     * before the cut (which could leave part of it). Null is empty.
     */
    static String serverText(String text, Redactor redactor) {
        if (text == null) {
            return "";
        }
        String message = redactor.redact(TerminalSanitizer.strip(text).strip().replaceAll("\\s+", " "));
        if (message.length() > MAX_MESSAGE) {
            int end = MAX_MESSAGE;
            // Do not cut an emoji (a surrogate pair) in half: a lone surrogate prints as '?'.
            if (Character.isHighSurrogate(message.charAt(end - 1))) {
                end--;
            }
            message = message.substring(0, end) + "...";
        }
        return message;
    }

    private static JsonObject errorObject(String body) {
        try {
            JsonElement root = JsonParser.parseString(body);
            if (root.isJsonObject() && root.getAsJsonObject().get("error") instanceof JsonObject error) {
                return error;
            }
        } catch (JsonParseException e) {
            // Not JSON: handled by the caller as plain text.
        }
        return null;
    }

    /** Retry-After is either a number of seconds or an HTTP date (RFC 9110). */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (SECONDS.matcher(v).matches()) {
            return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(Instant.now(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException notDate) {
            return null;
        }
    }
}
