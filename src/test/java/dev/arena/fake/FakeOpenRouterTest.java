package dev.arena.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeOpenRouterTest {

    private static final String MODEL = "test/model";
    private static final String COMMENT = ": OPENROUTER PROCESSING\n\n";

    private FakeOpenRouter fake;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeEach
    void startFake() {
        fake = FakeOpenRouter.start();
    }

    @AfterEach
    void closeFake() {
        fake.close();
    }

    // ---- the normal stream and its wire variants ----

    @Test
    void normalStreamHasOpenRouterExactBytes() throws IOException {
        fake.script(MODEL, Reply.stream("Hel", "lo \"wörld\"\n").usage(12, 2, 0.00042));

        RawResponse response = rawPost(requestBody(MODEL, "hi"));

        assertEquals(200, response.status());
        assertEquals("text/event-stream", response.header("content-type"));
        assertEquals("no-cache", response.header("cache-control"));
        assertEquals("chunked", response.header("transfer-encoding"));
        String id = response.header("x-generation-id");
        assertTrue(id.matches("gen-\\d+-[A-Za-z0-9]{20}"), id);
        long created = createdOf(id);
        String head = "{\"id\":\"" + id + "\",\"provider\":\"FakeProvider\",\"model\":\"" + MODEL
                + "\",\"object\":\"chat.completion.chunk\",\"created\":" + created;
        String expected = COMMENT + COMMENT
                + "data: " + contentChunk(id, created, MODEL, "\"\"", "null") + "\n\n"
                + "data: " + contentChunk(id, created, MODEL, "\"Hel\"", "null") + "\n\n"
                + "data: " + contentChunk(id, created, MODEL, "\"lo \\\"wörld\\\"\\n\"", "null") + "\n\n"
                + "data: " + contentChunk(id, created, MODEL, "\"\"", "\"stop\"") + "\n\n"
                + "data: " + head + ",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2,"
                + "\"total_tokens\":14,\"cost\":0.00042,\"is_byok\":false,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"cache_write_tokens\":0},"
                + "\"cost_details\":{\"upstream_inference_cost\":0.00042},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":0}}}\n\n"
                + "data: [DONE]\n\n";
        assertEquals(expected, response.text());
    }

    @Test
    void crlfEndsEveryLineWithCrlf() throws IOException {
        fake.script(MODEL, Reply.stream("a", "b").crlf());

        String body = rawPost(requestBody(MODEL, "hi")).text();

        assertTrue(body.startsWith(": OPENROUTER PROCESSING\r\n\r\n: OPENROUTER PROCESSING\r\n\r\ndata: {"), body);
        assertTrue(body.endsWith("}\r\n\r\ndata: [DONE]\r\n\r\n"), body);
        assertFalse(body.replace("\r\n", "").contains("\n"), "a bare LF is left: " + body);
        assertEquals(8, body.split("\r\n\r\n").length, "2 comments, role, 2 pieces, finish, usage, [DONE]");
    }

    @Test
    void noSpaceWritesDataWithoutTheSpace() throws IOException {
        fake.script(MODEL, Reply.stream("a").noSpace());

        String body = rawPost(requestBody(MODEL, "hi")).text();

        assertFalse(body.contains("data: "), body);
        assertTrue(body.contains("\n\ndata:{\"id\":\"gen-"), body);
        assertTrue(body.endsWith("\n\ndata:[DONE]\n\n"), body);
    }

    @Test
    void withoutDoneEndsAfterUsage() throws IOException {
        fake.script(MODEL, Reply.stream("a").withoutDone());

        RawResponse response = rawPost(requestBody(MODEL, "hi"));

        assertEquals(200, response.status());
        assertFalse(response.text().contains("[DONE]"), response.text());
        String lastEvent = lastEvent(response.text());
        assertTrue(lastEvent.contains("\"choices\":[],\"usage\":{"), lastEvent);
    }

    @Test
    void withoutUsageReasoningAndServedModelShapeTheChunks() throws IOException {
        fake.script(MODEL, Reply.stream("x").withoutUsage().reasoning("think").servedModel("other/served"));

        List<JsonObject> chunks = dataChunks(rawPost(requestBody(MODEL, "hi")).text());

        assertEquals(4, chunks.size(), "role, reasoning, content, finish: " + chunks);
        chunks.forEach(chunk -> assertEquals("other/served", chunk.get("model").getAsString()));
        JsonObject reasoning = chunks.get(1).getAsJsonArray("choices").get(0).getAsJsonObject().getAsJsonObject("delta");
        assertTrue(reasoning.get("content").isJsonNull());
        assertEquals("think", reasoning.get("reasoning").getAsString());
    }

    @Test
    void commentEveryInterleavesComments() throws IOException {
        fake.script(MODEL, Reply.stream("a", "b", "c", "d").commentEvery(2));

        String body = rawPost(requestBody(MODEL, "hi")).text();

        assertEquals(4, body.split(": OPENROUTER PROCESSING", -1).length - 1, body);
        assertTrue(body.contains("\"content\":\"b\"},\"finish_reason\":null,\"native_finish_reason\":null,"
                + "\"logprobs\":null}]}\n\n" + COMMENT), body);
    }

    @Test
    void ollamaStyleHasNoCommentsNoCostAndUsageOnlyWhenAsked() throws IOException {
        fake.script(MODEL, Reply.stream("a").ollamaStyle());

        RawResponse plain = rawPost(requestBody(MODEL, "hi"));
        String asked = rawPost("{\"model\":\"" + MODEL + "\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"messages\":[]}").text();

        assertEquals(null, plain.header("x-generation-id"));
        assertFalse(plain.text().contains(":"
                + " OPENROUTER"), plain.text());
        assertFalse(plain.text().contains("usage"), plain.text());
        assertTrue(plain.text().startsWith("data: {\"id\":\"chatcmpl-"), plain.text());
        assertTrue(plain.text().endsWith("data: [DONE]\n\n"), plain.text());
        JsonObject usage = dataChunks(asked).get(2).getAsJsonObject("usage");
        assertEquals(3, usage.size(), usage.toString());
        assertFalse(usage.has("cost"));
    }

    @Test
    void echoSplitsTheLastUserMessageIntoWords() throws IOException {
        fake.script("fake/echo", Reply.echo());

        String body = rawPost("{\"model\":\"fake/echo\",\"messages\":[{\"role\":\"user\",\"content\":\"old\"},"
                + "{\"role\":\"assistant\",\"content\":\"no\"},{\"role\":\"user\",\"content\":\"Hello big world\"}]}").text();

        List<String> pieces = new ArrayList<>();
        for (JsonObject chunk : dataChunks(body)) {
            if (chunk.getAsJsonArray("choices").size() == 1) {
                pieces.add(chunk.getAsJsonArray("choices").get(0).getAsJsonObject()
                        .getAsJsonObject("delta").get("content").getAsString());
            }
        }
        assertEquals(List.of("", "Hello ", "big ", "world", ""), pieces);
    }

    @Test
    void rawReplySendsExactlyTheGivenBody() throws IOException {
        String sse = "data: {\"choices\":[{\"delta\":{\"content\":\"é\"}}]}\r\rdata: [DONE]\n\n";
        fake.script(MODEL, Reply.raw(sse));

        RawResponse response = rawPost(requestBody(MODEL, "hi"));

        assertEquals("text/event-stream", response.header("content-type"));
        assertEquals(sse, response.text());
    }

    // ---- errors before the stream ----

    @Test
    void errorReplyHasStatusBodyAndExtraHeader() throws Exception {
        fake.script(MODEL, Reply.errorMessage(429, "Rate limit exceeded").header("Retry-After", "2"));

        HttpResponse<String> response = post(requestBody(MODEL, "hi"), Map.of());

        assertEquals(429, response.statusCode());
        assertEquals("{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\"}}", response.body());
        assertEquals("2", response.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void errorWithJsonBodySendsItVerbatim() throws Exception {
        String body = "{\"error\":{\"error_type\":\"temporarily_unavailable\",\"http_status\":503}}";
        fake.script(MODEL, Reply.error(503, body));

        HttpResponse<String> response = post(requestBody(MODEL, "hi"), Map.of());

        assertEquals(503, response.statusCode());
        assertEquals(body, response.body());
    }

    @Test
    void unscriptedModelGets400NotAValidModelId() throws Exception {
        HttpResponse<String> response = post(requestBody("nope/x", "hi"), Map.of());

        assertEquals(400, response.statusCode());
        assertEquals("{\"error\":{\"message\":\"nope/x is not a valid model ID\",\"code\":400},\"user_id\":\"user_2fake\"}",
                response.body());
    }

    @Test
    void unknownPathGets404Json() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/nowhere"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
        assertEquals("{\"error\":{\"code\":404,\"message\":\"Not Found\"}}", response.body());
    }

    @Test
    void requireKeyRejectsMissingAndWrongKeys() throws Exception {
        fake.requireKey("sk-or-v1-good").script(MODEL, Reply.stream("ok"));

        HttpResponse<String> missing = post(requestBody(MODEL, "hi"), Map.of());
        HttpResponse<String> wrong = post(requestBody(MODEL, "hi"), Map.of("Authorization", "Bearer sk-or-v1-bad"));
        HttpResponse<String> right = post(requestBody(MODEL, "hi"), Map.of("Authorization", "Bearer sk-or-v1-good"));

        assertEquals(401, missing.statusCode());
        assertEquals("{\"error\":{\"code\":401,\"message\":\"Missing Authentication header\"}}", missing.body());
        assertEquals(401, wrong.statusCode());
        assertEquals("{\"error\":{\"code\":401,\"message\":\"User not found.\"}}", wrong.body());
        assertEquals(200, right.statusCode());
        assertTrue(right.body().contains("\"content\":\"ok\""), right.body());
    }

    // ---- scripting and recording ----

    @Test
    void repliesAreTakenInOrderAndTheLastRepeats() throws Exception {
        fake.script(MODEL, Reply.stream("one"), Reply.errorMessage(502, "two"));

        HttpResponse<String> first = post(requestBody(MODEL, "hi"), Map.of());
        HttpResponse<String> second = post(requestBody(MODEL, "hi"), Map.of());
        HttpResponse<String> third = post(requestBody(MODEL, "hi"), Map.of());

        assertEquals(200, first.statusCode());
        assertTrue(first.body().contains("\"content\":\"one\""), first.body());
        assertEquals(502, second.statusCode());
        assertEquals(502, third.statusCode());
        assertEquals(second.body(), third.body());
        assertEquals(3, fake.requestsFor(MODEL).size());
    }

    @Test
    void requestsRecordMethodPathHeadersAndBody() throws Exception {
        fake.script(MODEL, Reply.stream("ok"));
        String body = requestBody(MODEL, "Ünïcode \"quoted\"");

        post(body, Map.of("Authorization", "Bearer k", "X-OpenRouter-Title", "arena"));
        post(requestBody("other/model", "x"), Map.of());

        List<RecordedRequest> all = fake.requests();
        assertEquals(2, all.size());
        RecordedRequest request = all.get(0);
        assertEquals("POST", request.method());
        assertEquals("/api/v1/chat/completions", request.path());
        assertEquals("Bearer k", request.headers().get("authorization"));
        assertEquals("arena", request.header("X-OpenRouter-Title"));
        assertEquals("application/json", request.headers().get("content-type"));
        assertEquals(body, request.body());
        assertEquals("Ünïcode \"quoted\"", request.json().getAsJsonArray("messages").get(0)
                .getAsJsonObject().get("content").getAsString());
        assertEquals(List.of(request), fake.requestsFor(MODEL));
        assertEquals("other/model", fake.requestsFor("other/model").get(0).json().get("model").getAsString());
    }

    @Test
    void chunkedRequestBodyIsReassembled() throws IOException {
        fake.script(MODEL, Reply.stream("ok"));
        String body = requestBody(MODEL, "hi");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String chunked = Integer.toHexString(5) + ";ext=1\r\n" + body.substring(0, 5) + "\r\n"
                + Integer.toHexString(bytes.length - 5) + "\r\n" + body.substring(5) + "\r\n0\r\n\r\n";

        RawResponse response = raw("POST /api/v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n" + chunked);

        assertEquals(200, response.status());
        assertEquals(body, fake.requests().get(0).body());
    }

    @Test
    void keepAliveServesTwoRequestsOnOneConnection() throws Exception {
        fake.script(MODEL, Reply.stream("ok"));

        HttpResponse<String> first = post(requestBody(MODEL, "hi"), Map.of());
        HttpResponse<String> second = post(requestBody(MODEL, "hi"), Map.of());

        assertEquals(200, first.statusCode());
        assertEquals(200, second.statusCode());
        assertTrue(second.body().endsWith("data: [DONE]\n\n"), second.body());
        assertEquals(1, fake.connectionsAccepted());
    }

    @Test
    void h2cUpgradeIsDeclinedWithPlainHttp11() throws Exception {
        fake.script(MODEL, Reply.stream("ok"));
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

        HttpResponse<String> response = http2.send(chatRequest(requestBody(MODEL, "hi"), Map.of()),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(HttpClient.Version.HTTP_1_1, response.version());
        assertEquals(200, response.statusCode());
        assertEquals("h2c", fake.requests().get(0).header("upgrade"));
    }

    // ---- network faults ----

    @Test
    void resetBeforeHeadersFailsTheClient() {
        fake.script(MODEL, Reply.resetBeforeHeaders());

        assertThrows(IOException.class, () -> post(requestBody(MODEL, "hi"), Map.of()));
        assertEquals(1, fake.requests().size());
    }

    @Test
    void resetAfterDeliversSomeContentThenFails() throws Exception {
        fake.script(MODEL, Reply.stream("Hel", "lo").resetAfter(1));

        HttpResponse<InputStream> response = client.send(chatRequest(requestBody(MODEL, "hi"), Map.of()),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThrows(IOException.class, () -> {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            });
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"content\":\"Hel\"")), lines.toString());
        assertFalse(lines.stream().anyMatch(line -> line.contains("\"content\":\"lo\"")), lines.toString());
    }

    @Test
    void stallAfterSendsThePiecesThenNothingAndCloseIsFast() throws IOException {
        fake.script(MODEL, Reply.stream("Hel", "lo").stallAfter(1));

        try (Socket socket = openAndSend(postRequest(requestBody(MODEL, "hi")))) {
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!received.toString(StandardCharsets.UTF_8).contains("\"content\":\"Hel\"")) {
                int n = in.read(buffer);
                assertTrue(n > 0, "stream ended early: " + received);
                received.write(buffer, 0, n);
            }
            socket.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, () -> in.read(buffer));
            assertFalse(received.toString(StandardCharsets.UTF_8).contains("\"lo\""));

            long start = System.nanoTime();
            fake.close();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 1000, "close took " + millis + " ms");
            socket.setSoTimeout(2000);
            assertConnectionEnds(in);
        }
    }

    @Test
    void stallBeforeHeadersRecordsTheRequestAndCloseReleasesTheClient() throws Exception {
        fake.script(MODEL, Reply.stallBeforeHeaders());

        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(
                chatRequest(requestBody(MODEL, "hi"), Map.of()), HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (fake.requests().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        assertEquals(1, fake.requests().size(), "the request is recorded before any reply");
        Thread.sleep(100);
        assertFalse(pending.isDone(), "no response while stalled");
        fake.close();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> pending.get(2, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof IOException, failure.getCause().toString());
    }

    @Test
    void writeInPiecesOfOneByteSplitsUtf8AndKeepsTheBytes() throws IOException {
        fake.script(MODEL, Reply.stream("😀é").withoutUsage().withoutDone().writeInPiecesOf(1));

        RawResponse response = rawPost(requestBody(MODEL, "hi"));

        assertTrue(response.chunks().stream().allMatch(chunk -> chunk.length == 1), "every HTTP chunk is one byte");
        String id = response.header("x-generation-id");
        long created = createdOf(id);
        String expected = COMMENT + COMMENT
                + "data: " + contentChunk(id, created, MODEL, "\"\"", "null") + "\n\n"
                + "data: " + contentChunk(id, created, MODEL, "\"😀é\"", "null") + "\n\n"
                + "data: " + contentChunk(id, created, MODEL, "\"\"", "\"stop\"") + "\n\n";
        assertEquals(expected, response.text());
        assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, response.chunks().size());
    }

    @Test
    void errorAfterWithIntCodeSendsOpenRouterErrorEventWithoutDone() throws IOException {
        fake.script(MODEL, Reply.stream("Hel", "lo").errorAfter(1, 429, "Rate limit exceeded"));

        RawResponse response = rawPost(requestBody(MODEL, "hi"));

        assertEquals(200, response.status());
        String id = response.header("x-generation-id");
        String expectedEnd = "data: " + contentChunk(id, createdOf(id), MODEL, "\"Hel\"", "null") + "\n\n"
                + "data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":" + createdOf(id)
                + ",\"model\":\"" + MODEL + "\",\"provider\":\"FakeProvider\",\"error\":{\"code\":429,"
                + "\"message\":\"Rate limit exceeded\",\"metadata\":{\"error_type\":\"rate_limit_exceeded\"}},"
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\"}]}\n\n";
        assertTrue(response.text().endsWith(expectedEnd), response.text());
        assertFalse(response.text().contains("\"lo\""));
    }

    @Test
    void errorAfterWithStringCodeKeepsTheString() throws IOException {
        fake.script(MODEL, Reply.stream("Hel").errorAfter(0, "server_error", "Internal error"));

        String body = rawPost(requestBody(MODEL, "hi")).text();

        JsonObject error = JsonParser.parseString(lastEvent(body).substring("data: ".length()))
                .getAsJsonObject().getAsJsonObject("error");
        assertEquals("\"server_error\"", error.get("code").toString());
        assertEquals("Internal error", error.get("message").getAsString());
        assertEquals("server", error.getAsJsonObject("metadata").get("error_type").getAsString());
        assertFalse(body.contains("\"content\":\"Hel\""), body);
        assertFalse(body.contains("[DONE]"), body);
    }

    @Test
    void clientLeavingMidStreamDoesNotHurtTheServer() throws Exception {
        fake.script(MODEL, Reply.stream("a", "b", "c").delayMillis(50));

        try (Socket socket = openAndSend(postRequest(requestBody(MODEL, "hi")))) {
            assertTrue(socket.getInputStream().read() >= 0);
        } // gone mid-stream
        HttpResponse<String> next = post(requestBody(MODEL, "hi"), Map.of());

        assertEquals(200, next.statusCode());
        assertTrue(next.body().endsWith("data: [DONE]\n\n"), next.body());
    }

    // ---- helpers ----

    private static String requestBody(String model, String userText) {
        JsonObject message = new JsonObject();
        message.addProperty("role", "user");
        message.addProperty("content", userText);
        JsonObject body = new JsonObject();
        body.addProperty("model", model);
        body.addProperty("stream", true);
        com.google.gson.JsonArray messages = new com.google.gson.JsonArray();
        messages.add(message);
        body.add("messages", messages);
        return body.toString();
    }

    /** A normal chunk's JSON, literally as OpenRouter writes it. */
    private static String contentChunk(String id, long created, String model, String contentJson, String finishJson) {
        return "{\"id\":\"" + id + "\",\"provider\":\"FakeProvider\",\"model\":\"" + model
                + "\",\"object\":\"chat.completion.chunk\",\"created\":" + created
                + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":" + contentJson
                + "},\"finish_reason\":" + finishJson + ",\"native_finish_reason\":" + finishJson
                + ",\"logprobs\":null}]}";
    }

    /** Generation ids are gen-<created>-<random>, so the expected created field can be derived. */
    private static long createdOf(String generationId) {
        return Long.parseLong(generationId.split("-")[1]);
    }

    private static String lastEvent(String body) {
        String[] events = body.split("\n\n");
        return events[events.length - 1];
    }

    private static List<JsonObject> dataChunks(String body) {
        List<JsonObject> chunks = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            if (event.startsWith("data: {")) {
                chunks.add(JsonParser.parseString(event.substring("data: ".length())).getAsJsonObject());
            }
        }
        return chunks;
    }

    private HttpRequest chatRequest(String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return builder.build();
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws IOException, InterruptedException {
        return client.send(chatRequest(body, headers), HttpResponse.BodyHandlers.ofString());
    }

    private static String postRequest(String body) {
        return "POST /api/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private RawResponse rawPost(String body) throws IOException {
        return raw(postRequest(body));
    }

    private Socket openAndSend(String request) throws IOException {
        Socket socket = new Socket("127.0.0.1", URI.create(fake.baseUrl()).getPort());
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    /** Sends one request on a raw socket and reads the response, keeping the body's HTTP chunks apart. */
    private RawResponse raw(String request) throws IOException {
        try (Socket socket = openAndSend(request)) {
            socket.setSoTimeout(5000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = readLine(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            List<byte[]> chunks = new ArrayList<>();
            if ("chunked".equals(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(readLine(in), 16); size > 0; size = Integer.parseInt(readLine(in), 16)) {
                    chunks.add(in.readNBytes(size));
                    assertEquals("", readLine(in), "CRLF after chunk data");
                }
                assertEquals("", readLine(in), "end of chunked body");
            } else {
                chunks.add(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            }
            return new RawResponse(Integer.parseInt(statusLine.split(" ")[1]), headers, chunks);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                fail("connection ended inside a line: " + line);
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        assertTrue(text.endsWith("\r"), "line must end with CRLF: " + text);
        return text.substring(0, text.length() - 1);
    }

    private static void assertConnectionEnds(InputStream in) {
        try {
            assertEquals(-1, in.read());
        } catch (IOException e) {
            // a reset also ends it; only a timeout would mean the connection was left open
            assertFalse(e instanceof SocketTimeoutException, "connection still open after close()");
        }
    }

    private record RawResponse(int status, Map<String, String> headers, List<byte[]> chunks) {
        String header(String name) {
            return headers.get(name);
        }

        String text() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            chunks.forEach(body::writeBytes);
            return body.toString(StandardCharsets.UTF_8);
        }
    }
}
