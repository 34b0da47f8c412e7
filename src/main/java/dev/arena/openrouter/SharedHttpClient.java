package dev.arena.openrouter;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /**
     * The client for requests to {@code server}, a base URL or any URL on it.
     *
     * @throws IOException when the client cannot be made: a JDK whose trust store is missing or
     *     unreadable, say, which is then reported like any other failure to connect
     */
    public static HttpClient forServer(URI server) throws IOException {
        boolean plain = isPlain(server);
        requested(plain).set(true);
        return (plain ? Plain.SET_UP : Tls.SET_UP).client();
    }

    /**
     * Starts making the client for {@code server} on a thread of its own, unless that was done
     * already: building one takes about 25 ms of a cold start (well over 100 ms with TLS), which
     * can overlap whatever the caller does before its first request. {@link #forServer} then
     * waits for it, if it is not done yet, through the JVM's class initialisation lock.
     */
    public static void prepare(URI server) {
        if (!requested(isPlain(server)).compareAndSet(false, true)) {
            return;
        }
        Thread setUp = new Thread(() -> {
            try {
                forServer(server);
            } catch (IOException e) {
                // Nothing to report from here: the first request meets the same failure.
            }
        }, "arena-http-client-setup");
        setUp.setDaemon(true);
        setUp.start();
    }

    private static boolean isPlain(URI server) {
        return "http".equalsIgnoreCase(server.getScheme());
    }

    /**
     * Stops the clients' selector threads, if a client was ever made or begun, so the process can
     * end at once. At exit HotSpot waits up to 300 ms for threads blocked in native code
     * (VM_Exit::wait_for_threads_in_native_to_block), and a selector sits in epoll_wait:
     * measured, that was a third of a short {@code arena chat}. A set-up still under way (an
     * early exit, such as an unknown model id) is waited for first, so its selector stops too.
     * Java 21 and later have {@code shutdownNow}. Before that there is no public way, and the
     * implementation could only be reached by opening it with {@code --add-opens}, a module
     * option that turns off the JVM's archived module graph where it has one; so the selector
     * threads are interrupted instead: their loop ends on an interrupt. Call it only when the
     * process is about to exit.
     */
    public static void shutdown() {
        List<HttpClient> clients = new ArrayList<>(2);
        if (plainRequested.get()) {
            Plain.SET_UP.ifMade(clients::add);
        }
        if (tlsRequested.get()) {
            Tls.SET_UP.ifMade(clients::add);
        }
        if (clients.isEmpty()) {
            return;
        }
        try {
            Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
            for (HttpClient client : clients) {
                shutdownNow.invoke(client);
            }
        } catch (NoSuchMethodException beforeJava21) {
            interruptSelectors();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not stopped: the exit waits for the selectors.
        }
    }

    /** Interrupts every thread named like the JDK client's selector ("HttpClient-1-SelectorManager"). */
    private static void interruptSelectors() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            Thread thread = threads[i];
            if (thread.getName().startsWith("HttpClient-") && thread.getName().endsWith("-SelectorManager")) {
                // Not joined: once interrupted, the thread never blocks in native code again, and
                // the JDK's clean-up it runs on the way out (closing the pool and the executor)
                // takes 5-10 ms that the exit need not wait for.
                thread.interrupt();
            }
        }
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                // Never follow redirects: the JDK would resend the Authorization header to the new host.
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    /* Kept outside the holders: reading them must not make a client. */
    private static final AtomicBoolean plainRequested = new AtomicBoolean();
    private static final AtomicBoolean tlsRequested = new AtomicBoolean();

    /** Set before a client is first made (here or on the set-up thread), never cleared. */
    private static AtomicBoolean requested(boolean plain) {
        return plain ? plainRequested : tlsRequested;
    }

    /**
     * A client, or why it could not be made. Kept rather than thrown from the holders'
     * initialisation: a class whose initialisation failed only says "could not initialize
     * class" ever after, and the first failure may have happened on the set-up thread.
     */
    private static final class SetUp {
        private final HttpClient client;
        private final RuntimeException failure;

        SetUp(Supplier<HttpClient> make) {
            HttpClient made = null;
            RuntimeException failed = null;
            try {
                made = make.get();
            } catch (RuntimeException e) {
                failed = e;
            }
            client = made;
            failure = failed;
        }

        HttpClient client() throws IOException {
            if (client == null) {
                Throwable root = failure;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                throw new IOException("cannot set up the HTTP client: " + root.getMessage(), failure);
            }
            return client;
        }

        void ifMade(Consumer<HttpClient> use) {
            if (client != null) {
                use.accept(client);
            }
        }
    }

    private static final class Plain {
        static final SetUp SET_UP = new SetUp(() -> builder().sslContext(new NoTlsContext()).build());
    }

    private static final class Tls {
        static final SetUp SET_UP = new SetUp(() -> builder().build());
    }
}
