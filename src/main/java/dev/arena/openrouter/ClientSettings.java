package dev.arena.openrouter;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Where and how to talk to the server. {@code apiKey} may be null for servers that need
 * none (Ollama); {@code debug} receives request/response log lines, never the key.
 */
public record ClientSettings(URI baseUrl, String apiKey, Duration idleTimeout, Consumer<String> debug) {

    public static final URI OPENROUTER = URI.create("https://openrouter.ai/api/v1");

    /** No debug log: clients skip the work of writing lines nobody reads (one per stream event). */
    public static final Consumer<String> NO_LOG = line -> { };

    public ClientSettings {
        String url = baseUrl.toString();
        if (url.endsWith("/")) {
            baseUrl = URI.create(url.substring(0, url.length() - 1));
        }
        if (idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("the idle timeout must be positive");
        }
    }

    /** True when someone reads the debug log. */
    boolean logging() {
        return debug != NO_LOG;
    }

    /** True when the base URL is OpenRouter itself, which refuses requests without a key. */
    public boolean isOpenRouter() {
        return isOpenRouter(baseUrl);
    }

    /** True when {@code baseUrl} is OpenRouter's, e.g. for the catalogue, whose built-in list is OpenRouter's models. */
    public static boolean isOpenRouter(java.net.URI baseUrl) {
        String host = baseUrl.getHost();
        return host != null && (host.equals("openrouter.ai") || host.endsWith(".openrouter.ai"));
    }

    URI endpoint(String path) {
        return URI.create(baseUrl + path);
    }

    /** The endpoint as logs show it: without any user:password written into the base URL. */
    String displayEndpoint(String path) {
        String url = endpoint(path).toString();
        String userInfo = baseUrl.getRawUserInfo();
        return userInfo == null ? url : url.replace(userInfo + "@", "[redacted]@");
    }
}
