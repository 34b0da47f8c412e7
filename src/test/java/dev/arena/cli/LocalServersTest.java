package dev.arena.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The look for a local server and the no-key message, against listeners of the test's own on
 * free ports: never the real 11434, 1234 or 8080, whatever listens there on this machine.
 */
class LocalServersTest {

    private final List<ServerSocket> listeners = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (ServerSocket listener : listeners) {
            listener.close();
        }
    }

    /** A listener that answers every connection with {@code reply} (null: reads and says nothing). */
    private int listener(String reply) throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listeners.add(socket);
        Thread thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    connection.getInputStream().read(new byte[1024]);
                    if (reply == null) {
                        Thread.sleep(2_000);
                    } else {
                        connection.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException | InterruptedException e) {
                    // next
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return socket.getLocalPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static final String MODELS = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"data\":[]}";

    @Test
    void namesTheFirstCandidateThatListsModelsWithItsBaseUrl() throws IOException {
        int refused = closedPort();
        int notFound = listener("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        int lmStudio = listener(MODELS);
        int llama = listener(MODELS);
        LocalServers servers = new LocalServers(List.of(new LocalServers.Candidate("Ollama", refused),
                new LocalServers.Candidate("Some web app", notFound), new LocalServers.Candidate("LM Studio", lmStudio),
                new LocalServers.Candidate("llama.cpp", llama)), Duration.ofMillis(500));
        assertEquals(Optional.of(new LocalServers.Found("LM Studio", "http://localhost:" + lmStudio + "/v1")), servers.find());
    }

    @Test
    void aSilentListenerCostsNoMoreThanTheBudget() throws IOException {
        int silent = listener(null);
        LocalServers servers = new LocalServers(List.of(new LocalServers.Candidate("Ollama", silent),
                new LocalServers.Candidate("LM Studio", closedPort())), Duration.ofMillis(200));
        long start = System.nanoTime();
        assertEquals(Optional.empty(), servers.find());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1_000, "took " + millis + " ms");
    }

    @Test
    void theNoKeyMessageSaysWhatToDoAndSuggestsTheLocalServerWithoutSwitching() {
        String plain = ApiKeys.missing(Optional.empty());
        assertEquals("no API key: set OPENROUTER_API_KEY or pass --api-key-file FILE (get a key at"
                + " https://openrouter.ai/keys); or run 'arena demo' to watch a scripted debate that needs none", plain);
        String local = ApiKeys.missing(Optional.of(new LocalServers.Found("Ollama", "http://localhost:11434/v1")));
        assertEquals(plain + "; Ollama answers on this machine: to use it, pass --base-url http://localhost:11434/v1", local);
    }

    @Test
    void chatAndDebateWithoutAKeyForOpenRouterSayItWithExitThree(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Map<String, String> env = new HashMap<>();
        IsolatedDirs.under(dir, env);
        for (String[] args : List.of(new String[] {"chat", "--no-validate", "hello"},
                new String[] {"debate", "--no-validate", "Tea beats coffee"})) {
            CliRun r = CliRun.of(null, false, env, args);
            assertEquals(ExitCode.CONFIG, r.exitCode(), r.toString());
            // Whatever answers on this machine's real ports, the message starts the same way.
            assertTrue(r.err().startsWith("arena: " + ApiKeys.missing(Optional.empty())), r.err());
        }
    }
}
