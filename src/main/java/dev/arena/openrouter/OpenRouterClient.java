package dev.arena.openrouter;

import dev.arena.sse.EventTooLargeException;
import dev.arena.sse.SseParser;
import dev.arena.text.Redactor;
import dev.arena.text.WholeCodePoints;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Streams chat completions from OpenRouter or any OpenAI-compatible server. One instance,
 * over one {@link HttpClient}, serves the whole process so connections are reused.
 *
 * <p>Bytes from the socket go straight into the {@link SseParser}; each event is decoded
 * and handed to the {@link StreamHandler} before the next read, so the first token reaches
 * the caller as soon as its bytes arrive and memory does not grow with the answer.
 */
public final class OpenRouterClient {

    private static final int READ_BUFFER = 16 * 1024;
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final ClientSettings settings;
    private final Redactor redactor;
    private final ChunkDecoder decoder = new ChunkDecoder();

    /**
     * A client of the server in {@code settings}. The shared HTTP client it sends with starts
     * being made now, on another thread, and is picked up by the first request: what the
     * caller does meanwhile (reading the model list, the prompt) overlaps its set-up.
     */
    public OpenRouterClient(ClientSettings settings) {
        this.settings = settings;
        this.redactor = new Redactor(settings.apiKey());
        SharedHttpClient.prepare(settings.baseUrl());
    }

    /**
     * Sends the request and streams the answer into {@code handler}. Returns when the
     * stream ends; throws when the model failed (the handler may already have received
     * part of the answer) or the caller cancelled.
     *
     * <p>This is where the server's text enters arena, so the key is removed here, from the
     * answer and from every other string of the stream: whatever shows or records the answer
     * gets it without the key. What was held back as a possible start of the key is passed on
     * when the stream ends, however it ends. The answer is also handed on in whole code
     * points ({@link WholeCodePoints}).
     */
    public Completion stream(ChatRequest request, StreamHandler handler, Cancellation cancel)
            throws ApiException, CancelledException {
        FilteredHandler filtered = new FilteredHandler(handler, () -> redactor.active()
                ? redactor.streaming().then(new WholeCodePoints()) : new WholeCodePoints());
        try {
            return exchange(request, filtered, cancel);
        } finally {
            filtered.finish();
        }
    }

    private Completion exchange(ChatRequest request, StreamHandler handler, Cancellation cancel)
            throws ApiException, CancelledException {
        cancel.throwIfCancelled();
        String model = request.model();
        HttpRequest httpRequest = buildRequest(request);
        InFlight inFlight = new InFlight();
        Cancellation.Attachment attachment = cancel.attach(inFlight);
        IdleWatchdog watchdog = new IdleWatchdog(settings.idleTimeout(), inFlight::abort);
        try {
            HttpResponse<InputStream> response = awaitHeaders(inFlight, httpRequest);
            watchdog.touch();
            debugResponse(response);
            try (InputStream body = response.body()) {
                inFlight.body(body);
                int status = response.statusCode();
                if (status / 100 != 2) {
                    String text = readCapped(body, watchdog);
                    settings.debug().accept("< " + DebugText.shortened(redactor.redact(text)));
                    throw HttpErrors.toException(model, status, text, response.headers(), redactor);
                }
                StreamState state = new StreamState(model, response.headers().firstValue("X-Generation-Id").orElse(null),
                        redactor);
                String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
                if (contentType.startsWith("application/json")) {
                    // A server that ignored stream=true: the whole answer in one JSON body.
                    state.accept(decoder.parse(readCapped(body, watchdog)), handler);
                    handler.onReadDone();
                    state.markDone();
                } else if (contentType.startsWith("text/html")) {
                    throw new MalformedResponseException(model, "the server answered with a web page ("
                            + HttpErrors.serverText(contentType, redactor) + "), not an event stream; check the base URL");
                } else {
                    readEvents(body, watchdog, state, handler);
                }
                return state.finish();
            }
        } catch (IOException e) {
            throw failure(cancel, watchdog, model, e);
        } finally {
            watchdog.stop();
            attachment.close(); // only this request's: the same cancellation may serve others at once
        }
    }

    private void readEvents(InputStream body, IdleWatchdog watchdog, StreamState state, StreamHandler handler)
            throws IOException, ApiException {
        SseParser parser = state.parser(decoder, handler,
                data -> settings.debug().accept("skipped data that is not a JSON object: " + DebugText.shortened(redactor.redact(data))),
                settings.logging() ? data -> settings.debug().accept("< data: " + DebugText.shortened(redactor.redact(data))) : null);
        byte[] buffer = new byte[READ_BUFFER];
        int n;
        // Stop at [DONE] or at an error event: what follows carries nothing for us.
        try {
            while (!state.done() && handler.wantsMore() && (n = body.read(buffer)) != -1) {
                watchdog.touch();
                parser.feed(buffer, 0, n);
                handler.onReadDone();
            }
        } catch (EventTooLargeException e) {
            throw new MalformedResponseException(state.requestedModel(), "the server sent " + e.getMessage());
        }
        if (!handler.wantsMore()) {
            state.cut(); // the caller closes the body, and with it the request
            return;
        }
        parser.finish();
    }

    private HttpResponse<InputStream> awaitHeaders(InFlight inFlight, HttpRequest request) throws IOException {
        CompletableFuture<HttpResponse<InputStream>> future = SharedHttpClient.forServer(settings.baseUrl())
                .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        inFlight.future(future);
        try {
            return future.get();
        } catch (CancellationException e) {
            throw new IOException("request aborted before the response", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            // Not a NetworkException directly: the JDK reports a cancelled exchange (our cancel or
            // idle cut aborting the future) as an ExecutionException caused by CancellationException,
            // so this must go through failure() to be named a cancel or a stall, not a network error.
            throw new IOException("request failed: " + cause, cause);
        }
    }

    /** Decides what an I/O failure was: the user's cancel, our idle cut, or the network. */
    private ApiException failure(Cancellation cancel, IdleWatchdog watchdog, String model, IOException e)
            throws CancelledException {
        if (cancel.isCancelled()) {
            throw new CancelledException();
        }
        if (watchdog.fired()) {
            return new StallException(model, settings.idleTimeout());
        }
        String where = settings.baseUrl().getHost() + (settings.baseUrl().getPort() > 0 ? ":" + settings.baseUrl().getPort() : "");
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return new NetworkException(model, "cannot connect to " + where + " (connection refused)", e);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return new NetworkException(model, "cannot connect to " + where + " (timed out)", e);
        }
        // The JDK's message may quote what the server sent (a malformed status line, a header).
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : HttpErrors.serverText(e.getMessage(), redactor);
        return new NetworkException(model, "connection to " + where + " failed: " + detail, e);
    }

    private HttpRequest buildRequest(ChatRequest request) {
        String json = RequestBody.json(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.endpoint("/chat/completions"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .header("X-Title", "arena")
                .header("X-OpenRouter-Title", "arena")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if ("http".equals(settings.baseUrl().getScheme())) {
            // Plain-HTTP servers (Ollama, LM Studio, vLLM) speak HTTP/1.1; skip the h2c upgrade dance.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        if (settings.apiKey() != null) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        settings.debug().accept("> POST " + settings.displayEndpoint("/chat/completions")
                + (settings.apiKey() != null ? " (Authorization: Bearer [redacted])" : " (no API key)"));
        settings.debug().accept("> " + json);
        return builder.build();
    }

    private void debugResponse(HttpResponse<?> response) {
        settings.debug().accept("< HTTP " + response.statusCode() + " " + response.version());
        response.headers().map().forEach((name, values) -> settings.debug().accept("< " + name + ": " + String.join(", ", values)));
    }

    private static String readCapped(InputStream body, IdleWatchdog watchdog) throws IOException {
        byte[] bytes = new byte[MAX_ERROR_BODY];
        int total = 0;
        int n;
        while (total < bytes.length && (n = body.read(bytes, total, bytes.length - total)) != -1) {
            watchdog.touch();
            total += n;
        }
        return new String(bytes, 0, total, StandardCharsets.UTF_8);
    }
}
