package dev.arena.catalog;

import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.HttpErrors;
import dev.arena.openrouter.MalformedResponseException;
import dev.arena.openrouter.NetworkException;
import dev.arena.openrouter.SharedHttpClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Fetches {@code GET {base}/models}. Not streamed, so unlike chat requests it has a plain
 * request timeout. Failures are the client's typed errors: {@link dev.arena.openrouter.HttpStatusException}
 * for a non-2xx status, {@link NetworkException}, {@link MalformedResponseException} for a
 * body that holds no model list. Their model is {@value #WHAT}.
 */
public final class CatalogClient implements CatalogSource {

    /** What the typed errors name in place of a model. */
    public static final String WHAT = "the model list";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUrl;
    private final String apiKey;
    private final Duration timeout;

    /** @param apiKey sent as a Bearer token when not null */
    public CatalogClient(URI baseUrl, String apiKey, Duration timeout) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
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
        HttpResponse<String> response;
        try {
            response = SharedHttpClient.forServer(baseUrl)
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new NetworkException(WHAT, "no answer within " + timeout.toSeconds() + "s", e);
        } catch (IOException e) {
            throw new NetworkException(WHAT, "cannot reach " + baseUrl.getHost()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException(WHAT, "interrupted", new IOException(e));
        }
        if (response.statusCode() / 100 != 2) {
            throw HttpErrors.toException(WHAT, response.statusCode(), response.body(), response.headers());
        }
        try {
            return ModelJson.parseList(response.body());
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException(WHAT, e.getMessage() + " (is the base URL right? arena asked " + display(uri) + ")");
        }
    }

    /** The address without any user:password written into the base URL. */
    private static String display(URI uri) {
        String userInfo = uri.getRawUserInfo();
        return userInfo == null ? uri.toString() : uri.toString().replace(userInfo + "@", "[redacted]@");
    }
}
