package dev.arena.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Error bodies and Retry-After values from openrouter-protocol.md section 3. */
class HttpErrorsTest {

    private static final HttpHeaders NO_HEADERS = headers(Map.of());

    private static HttpHeaders headers(Map<String, List<String>> map) {
        return HttpHeaders.of(map, (a, b) -> true);
    }

    private static HttpHeaders retryAfterHeader(String value) {
        return headers(Map.of("Retry-After", List.of(value)));
    }

    @Test
    void openRouterErrorBody() {
        HttpStatusException e = HttpErrors.toException("openai/gpt-4o", 403,
                "{\"error\":{\"code\":403,\"message\":\"Input flagged\",\"metadata\":{\"reasons\":[\"violence\"],"
                        + "\"flagged_input\":\"...\",\"provider_name\":\"OpenAI\",\"model_slug\":\"openai/gpt-4o\"}}}",
                NO_HEADERS);
        assertEquals(403, e.status());
        assertEquals("openai/gpt-4o", e.model());
        assertEquals("Input flagged", e.serverMessage());
        assertEquals("HTTP 403: Input flagged", e.getMessage());
        assertEquals("violence", e.metadata().getAsJsonArray("reasons").get(0).getAsString());
        assertEquals("OpenAI", e.metadata().get("provider_name").getAsString());
        assertEquals(Optional.empty(), e.retryAfter());
    }

    @Test
    void metadataIsACopy() {
        HttpStatusException e = HttpErrors.toException("m", 429,
                "{\"error\":{\"code\":429,\"message\":\"slow down\",\"metadata\":{\"error_type\":\"rate_limit_exceeded\"}}}",
                NO_HEADERS);
        e.metadata().addProperty("error_type", "changed");
        assertEquals("rate_limit_exceeded", e.metadata().get("error_type").getAsString());
    }

    @Test
    void extraTopLevelUserIdIsIgnored() {
        HttpStatusException e = HttpErrors.toException("google/gemini-pro", 400,
                "{\"error\":{\"message\":\"google/gemini-pro is not a valid model ID\",\"code\":400},\"user_id\":\"user_2abc\"}",
                NO_HEADERS);
        assertEquals(400, e.status());
        assertEquals("google/gemini-pro is not a valid model ID", e.serverMessage());
        assertEquals(0, e.metadata().size());
    }

    @Test
    void availabilityErrorWithoutCodeTakesRetryAfterFromBody() {
        HttpStatusException e = HttpErrors.toException("anthropic/claude-sonnet-4", 429,
                "{\"error\":{\"message\":\"Capacity exhausted for anthropic/claude-sonnet-4\",\"error_type\":\"rate_limit_exceeded\","
                        + "\"http_status\":429,\"availability\":{\"code\":\"capacity_exhausted\",\"retryable\":true,"
                        + "\"retry_after\":30,\"requested_models\":[\"anthropic/claude-sonnet-4\"],"
                        + "\"docs_url\":\"https://openrouter.ai/docs\"}}}",
                NO_HEADERS);
        assertEquals(429, e.status());
        assertEquals("Capacity exhausted for anthropic/claude-sonnet-4", e.serverMessage());
        assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
        assertTrue(e.retryable());
    }

    @Test
    void retryAfterHeaderWinsOverBody() {
        HttpStatusException e = HttpErrors.toException("m", 503,
                "{\"error\":{\"message\":\"busy\",\"availability\":{\"retry_after\":30}}}", retryAfterHeader("5"));
        assertEquals(Optional.of(Duration.ofSeconds(5)), e.retryAfter());
    }

    @Test
    void retryAfterHeaderNameIsCaseInsensitive() {
        HttpStatusException e = HttpErrors.toException("m", 429, "", headers(Map.of("retry-after", List.of("7"))));
        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
    }

    @Test
    void errorWithoutMessage() {
        HttpStatusException e = HttpErrors.toException("m", 500, "{\"error\":{\"code\":500}}", NO_HEADERS);
        assertEquals("", e.serverMessage());
        assertEquals("HTTP 500", e.getMessage());
    }

    @Test
    void htmlBodyIsSqueezed() {
        HttpStatusException e = HttpErrors.toException("m", 502,
                "\n<html>\r\n  <head><title>502 Bad Gateway</title></head>\n\t<body>cloudflare</body>\n</html>\n\n", NO_HEADERS);
        assertEquals("<html> <head><title>502 Bad Gateway</title></head> <body>cloudflare</body> </html>", e.serverMessage());
        assertEquals(0, e.metadata().size());
    }

    @Test
    void plainTextBody() {
        HttpStatusException e = HttpErrors.toException("m", 404, "404 page not found\n", NO_HEADERS);
        assertEquals("404 page not found", e.serverMessage());
        assertEquals("HTTP 404: 404 page not found", e.getMessage());
    }

    @Test
    void jsonWithoutErrorObjectIsKeptAsText() {
        HttpStatusException e = HttpErrors.toException("m", 404, "{\"error\": \"model not found\"}", NO_HEADERS);
        assertEquals("{\"error\": \"model not found\"}", e.serverMessage());
    }

    @Test
    void longTextIsTruncatedAfter300Chars() {
        String body = "x".repeat(1000);
        HttpStatusException e = HttpErrors.toException("m", 500, body, NO_HEADERS);
        assertEquals("x".repeat(300) + "...", e.serverMessage());
    }

    @Test
    void textOfExactly300CharsIsKept() {
        HttpStatusException e = HttpErrors.toException("m", 500, "y".repeat(300), NO_HEADERS);
        assertEquals("y".repeat(300), e.serverMessage());
    }

    @Test
    void longServerMessageIsTruncatedToo() {
        HttpStatusException e = HttpErrors.toException("m", 400,
                "{\"error\":{\"code\":400,\"message\":\"" + "z".repeat(500) + "\"}}", NO_HEADERS);
        assertEquals("z".repeat(300) + "...", e.serverMessage());
    }

    @Test
    void truncationDoesNotSplitASurrogatePair() {
        String body = "a".repeat(299) + "😀" + "b".repeat(50);
        String message = HttpErrors.toException("m", 500, body, NO_HEADERS).serverMessage();
        assertTrue(message.endsWith("..."), message);
        String kept = message.substring(0, message.length() - 3);
        assertFalse(Character.isHighSurrogate(kept.charAt(kept.length() - 1)), "a lone high surrogate was kept");
        assertTrue(kept.startsWith("a".repeat(299)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\r\n"})
    void emptyBody(String body) {
        HttpStatusException e = HttpErrors.toException("m", 503, body, NO_HEADERS);
        assertEquals(503, e.status());
        assertEquals("", e.serverMessage());
        assertEquals("HTTP 503", e.getMessage());
        assertEquals(Optional.empty(), e.retryAfter());
    }

    @ParameterizedTest
    @CsvSource({
        "30, 30000",
        "0, 0",
        "' 12 ', 12000",
        "1.5, 1500",
        "0.25, 250",
        "120, 120000",
    })
    void retryAfterSeconds(String header, long millis) {
        assertEquals(Duration.ofMillis(millis), HttpErrors.retryAfter(header));
        assertEquals(Optional.of(Duration.ofMillis(millis)),
                HttpErrors.toException("m", 429, "", retryAfterHeader(header)).retryAfter());
    }

    @Test
    void retryAfterHttpDateInTheFuture() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
        Duration wait = HttpErrors.retryAfter(at);
        // The date has whole seconds, and time passes between formatting and parsing.
        assertTrue(wait.compareTo(Duration.ofSeconds(110)) >= 0 && wait.compareTo(Duration.ofSeconds(120)) <= 0,
                "wait was " + wait);
    }

    @Test
    void retryAfterHttpDateInThePastIsZero() {
        assertEquals(Duration.ZERO, HttpErrors.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", "NaN", "Infinity", "-Infinity", "5d", "0x10", "1e3", "30 seconds",
        "Wed, 32 Oct 2015 07:28:00 GMT", "2015-10-21T07:28:00Z", "", "  "})
    void retryAfterGarbageIsNone(String header) {
        assertEquals(null, HttpErrors.retryAfter(header));
        assertEquals(Optional.empty(), HttpErrors.toException("m", 429, "", retryAfterHeader(header)).retryAfter());
    }

    @Test
    void retryAfterNullIsNone() {
        assertEquals(null, HttpErrors.retryAfter(null));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504, 524, 529})
    void retryableStatuses(int status) {
        HttpStatusException e = new HttpStatusException("m", status, "", null, null);
        assertTrue(e.retryable());
        assertFalse(e.isAccountProblem());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 402, 403, 404, 413, 422})
    void notRetryableStatuses(int status) {
        assertFalse(new HttpStatusException("m", status, "", null, null).retryable());
    }

    @ParameterizedTest
    @CsvSource({"401, true", "402, true", "400, false", "403, false", "404, false", "429, false", "500, false"})
    void accountProblemsAreOnly401And402(int status, boolean account) {
        assertEquals(account, new HttpStatusException("m", status, "x", null, null).isAccountProblem());
    }
}
