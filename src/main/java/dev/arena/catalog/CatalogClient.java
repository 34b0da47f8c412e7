package dev.arena.catalog;

import com.google.gson.stream.MalformedJsonException;
import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.DebugText;
import dev.arena.openrouter.HttpErrors;
import dev.arena.openrouter.MalformedResponseException;
import dev.arena.openrouter.NetworkException;
import dev.arena.openrouter.SharedHttpClient;
import dev.arena.text.Redactor;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Fetches {@code GET {base}/models}. Not streamed, so unlike chat requests it has a plain
 * request timeout. The body is parsed as it arrives, never held whole, and past
 * {@link ModelListLimits#MAX_BYTES} it is refused. Failures are the client's typed errors: {@link dev.arena.openrouter.HttpStatusException}
 * for a non-2xx status, {@link NetworkException}, {@link MalformedResponseException} for a
 * body that holds no model list. Their model is {@value #WHAT}.
 */
public final class CatalogClient implements CatalogSource {

    /** What the typed errors name in place of a model. */
    public static final String WHAT = "the model list";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** As much of an error body as chat requests read: enough for any error message. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final URI baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final Consumer<String> debug;

    /** @param apiKey sent as a Bearer token when not null */
    public CatalogClient(URI baseUrl, String apiKey, Duration timeout) {
        this(baseUrl, apiKey, timeout, ClientSettings.NO_LOG);
    }

    /** @param debug receives the request and response as log lines (as {@link ClientSettings#debug()}), never the key */
    public CatalogClient(URI baseUrl, String apiKey, Duration timeout, Consumer<String> debug) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.debug = debug;
    }

    @Override
    public List<ModelInfo> fetch() throws ApiException {
        String base = baseUrl.toString();
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/models");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        debug.accept("> GET " + display(uri) + (apiKey != null ? " (Authorization: Bearer [redacted])" : " (no API key)"));
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<InputStream> response;
        try {
            response = SharedHttpClient.forServer(baseUrl)
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new NetworkException(WHAT, "no answer within " + timeout.toSeconds() + "s", e);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException(WHAT, "interrupted", new IOException(e));
        }
        // The request timeout covers only the wait for the headers: a body that trickles in
        // would hold every chat that checks its model ids. The whole answer gets the same time.
        debug.accept("< HTTP " + response.statusCode() + " " + response.version());
        response.headers().map().forEach((name, values) -> debug.accept("< " + name + ": " + String.join(", ", values)));
        AtomicBoolean late = new AtomicBoolean();
        InputStream raw = response.body();
        CompletableFuture.delayedExecutor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                .execute(() -> {
                    late.set(true);
                    closeQuietly(raw);
                });
        try (InputStream body = ModelListLimits.bounded(raw)) {
            if (response.statusCode() / 100 != 2) {
                String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
                debug.accept("< " + DebugText.shortened(new Redactor(apiKey).redact(text)));
                throw HttpErrors.toException(WHAT, response.statusCode(), text, response.headers());
            }
            // Read as it arrives, never held whole: the log says how much came rather than all of it.
            List<ModelInfo> models = withoutKey(ModelJson.read(new InputStreamReader(body, StandardCharsets.UTF_8)));
            debug.accept("< " + models.size() + (models.size() == 1 ? " model" : " models"));
            return models;
        } catch (ModelListLimits.ExceededException e) {
            throw new MalformedResponseException(WHAT, "the model list from " + baseUrl.getHost() + " "
                    + e.getMessage() + "; check that the base URL points at a model server");
        } catch (MalformedJsonException | EOFException e) {
            throw notAList("the model list is not JSON", uri);
        } catch (IllegalArgumentException e) {
            throw notAList(e.getMessage(), uri);
        } catch (IOException e) {
            throw late.get() ? new NetworkException(WHAT, "no whole answer within " + timeout.toSeconds() + "s", e)
                    : unreachable(e);
        } finally {
            closeQuietly(raw);
        }
    }

    /**
     * The models without the key: the server wrote every string of them and may have echoed the
     * key back in an id, a name or a description. Removed here, where they enter arena, so
     * neither the output nor the cache file ever holds it.
     */
    private List<ModelInfo> withoutKey(List<ModelInfo> models) {
        Redactor redactor = new Redactor(apiKey);
        if (!redactor.active()) {
            return models;
        }
        return models.stream().map(m -> new ModelInfo(redactor.redact(m.id()), redactor.redact(m.name()), m.created(),
                m.contextLength(), m.pricing(), m.maxCompletionTokens(),
                m.supportedParameters().stream().map(redactor::redact).toList(), m.expirationDate(),
                redactor.redact(m.description()))).toList();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closed to stop reading; nothing more to do.
        }
    }

    private NetworkException unreachable(IOException e) {
        return new NetworkException(WHAT, "cannot reach " + baseUrl.getHost()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }

    private static MalformedResponseException notAList(String why, URI uri) {
        return new MalformedResponseException(WHAT, why + " (is the base URL right? arena asked " + display(uri) + ")");
    }

    /** The address without any user:password written into the base URL. */
    private static String display(URI uri) {
        String userInfo = uri.getRawUserInfo();
        return userInfo == null ? uri.toString() : uri.toString().replace(userInfo + "@", "[redacted]@");
    }
}
