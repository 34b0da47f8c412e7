package dev.arena.openrouter;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The process's one {@link HttpClient}: every request reuses its connections (and HTTP/2
 * where the server offers it), instead of paying a new TLS handshake each time.
 */
public final class SharedHttpClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private SharedHttpClient() {
    }

    public static HttpClient get() {
        return Holder.CLIENT;
    }

    /** Built on first use only, so commands that never go online do not pay for it. */
    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                // Never follow redirects: the JDK would resend the Authorization header to the new host.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
