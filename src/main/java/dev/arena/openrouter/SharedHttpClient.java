package dev.arena.openrouter;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The process's shared {@link HttpClient}s: every request reuses their connections (and HTTP/2
 * where the server offers it), instead of paying a new TLS handshake each time. There are two,
 * made on first use: one for {@code https} servers, and one for {@code http} servers that skips
 * the TLS set-up a plain connection never needs (see {@link NoTlsContext}). Since redirects are
 * never followed, a request to an {@code http} URL can never turn into a TLS one.
 */
public final class SharedHttpClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private SharedHttpClient() {
    }

    /** The client for requests to {@code server}, a base URL or any URL on it. */
    public static HttpClient forServer(URI server) {
        return "http".equalsIgnoreCase(server.getScheme()) ? Plain.CLIENT : Tls.CLIENT;
    }

    /**
     * Stops the client's selector thread, if the client was ever made, so the process can
     * end at once. At exit HotSpot waits up to 300 ms for threads blocked in native code
     * (VM_Exit::wait_for_threads_in_native_to_block), and the selector sits in epoll_wait:
     * measured, that was a third of a short {@code arena chat}. Java 21 and later have
     * {@code shutdownNow}; on older JDKs the selector is stopped through the implementation,
     * which the launcher opens with {@code --add-opens}. Anything unexpected only costs the
     * 300 ms again.
     */
    public static void shutdown() {
        if (plainMade) {
            shutdown(Plain.CLIENT);
        }
        if (tlsMade) {
            shutdown(Tls.CLIENT);
        }
    }

    private static void shutdown(HttpClient client) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(client);
        } catch (NoSuchMethodException beforeJava21) {
            stopSelector(client);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not stopped: the exit waits for the selector.
        }
    }

    private static void stopSelector(HttpClient client) {
        try {
            Object impl = field(client, "impl");
            Thread selector = (Thread) field(impl, "selmgr");
            Method shutdown = selector.getClass().getDeclaredMethod("shutdown");
            shutdown.setAccessible(true);
            shutdown.invoke(selector);
            selector.join(100);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The package is not opened (arena started without the launcher): exit waits instead.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                // Never follow redirects: the JDK would resend the Authorization header to the new host.
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    /* Kept outside the holders: reading them must not make a client. */
    private static volatile boolean plainMade;
    private static volatile boolean tlsMade;

    private static final class Plain {
        static final HttpClient CLIENT = builder().sslContext(new NoTlsContext()).build();

        static {
            plainMade = true;
        }
    }

    private static final class Tls {
        static final HttpClient CLIENT = builder().build();

        static {
            tlsMade = true;
        }
    }
}
