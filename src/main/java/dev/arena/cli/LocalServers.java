package dev.arena.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Looks for an OpenAI-compatible server on this machine, on the ports the usual local ones
 * listen on, so that a user without a key can be told which {@code --base-url} would work. It
 * only suggests: nothing is ever sent there unless the user says so. A server counts when it
 * answers {@code GET /v1/models} with 200; every port is asked at once, and the whole look
 * takes no longer than its budget, since it delays an error message.
 */
final class LocalServers {

    /** A server arena may find: what it is called, and the port it listens on by default. */
    record Candidate(String name, int port) {
    }

    /** One that answered: its name and the base URL to pass as {@code --base-url}. */
    record Found(String name, String baseUrl) {
    }

    static final LocalServers USUAL = new LocalServers(List.of(
            new Candidate("Ollama", 11434), new Candidate("LM Studio", 1234), new Candidate("llama.cpp", 8080)),
            Duration.ofMillis(200));

    private final List<Candidate> candidates;
    private final Duration budget;

    LocalServers(List<Candidate> candidates, Duration budget) {
        this.candidates = List.copyOf(candidates);
        this.budget = budget;
    }

    /** The first candidate, in the listed order, that answers within the budget. */
    Optional<Found> find() {
        long deadline = System.nanoTime() + budget.toNanos();
        List<CompletableFuture<Boolean>> answers = candidates.stream()
                .map(c -> CompletableFuture.supplyAsync(() -> answers(c.port(), deadline), LocalServers::daemon))
                .toList();
        for (int i = 0; i < candidates.size(); i++) {
            if (answers.get(i).join()) {
                Candidate found = candidates.get(i);
                return Optional.of(new Found(found.name(), "http://localhost:" + found.port() + "/v1"));
            }
        }
        return Optional.empty();
    }

    /** A thread per port, never one that keeps arena running. */
    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "arena-local-server-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether an HTTP server on this port of the loopback address lists models before {@code deadline}. */
    private static boolean answers(int port, long deadline) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), remainingMillis(deadline));
            socket.setSoTimeout(remainingMillis(deadline));
            socket.getOutputStream().write(("GET /v1/models HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return statusLine(socket.getInputStream(), deadline).matches("HTTP/1\\.[01] 200( .*)?");
        } catch (IOException | IllegalArgumentException refusedSilentOrTooLate) {
            return false;
        }
    }

    private static String statusLine(InputStream in, long deadline) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\r' && b != '\n' && line.length() < 100; b = in.read()) {
            line.append((char) b);
            remainingMillis(deadline);
        }
        return line.toString();
    }

    /** What is left of the budget, at least a millisecond (0 would mean no timeout); past it, an exception. */
    private static int remainingMillis(long deadline) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new IllegalArgumentException("out of time");
        }
        return (int) left;
    }
}
