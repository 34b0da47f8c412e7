package dev.arena.openrouter;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
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
        if (!made) {
            return;
        }
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(Holder.CLIENT);
        } catch (NoSuchMethodException beforeJava21) {
            stopSelector(Holder.CLIENT);
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

    /** Kept outside {@link Holder}: reading it must not make the client. */
    private static volatile boolean made;

    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                // Never follow redirects: the JDK would resend the Authorization header to the new host.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        static {
            made = true;
        }
    }
}
