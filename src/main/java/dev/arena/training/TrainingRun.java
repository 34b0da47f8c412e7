package dev.arena.training;

import dev.arena.Main;
import dev.arena.cli.Stdio;
import dev.arena.openrouter.SharedHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of arena's class-data-sharing archive: {@code bin/arena} runs this once per
 * JDK and jar, with {@code -XX:ArchiveClassesAtExit} (Java 17-24) or {@code -XX:AOTCacheOutput}
 * (Java 25+), and every later start maps the classes it loaded instead of loading them again.
 *
 * <p>An archive only holds what its training run touched, so this one runs real commands
 * through {@link Main#run} against a local {@link TrainingServer}: a chat that fetches the
 * model list, one that reads it from the cache, and one to an {@code https} server that hangs up mid-handshake,
 * which loads the TLS classes a real OpenRouter request needs, and {@code arena logs}, which
 * opens the store those chats recorded into. All of it happens in a
 * temporary home, so the user's cache, config and history are never read or written, and
 * nothing is printed.
 */
public final class TrainingRun {

    private TrainingRun() {
    }

    public static void main(String[] args) throws IOException {
        train();
        SharedHttpClient.shutdown();
    }

    /** Runs the training commands; returns their exit codes (0, 0, 1 and 0 when all went as planned). */
    static List<Integer> train() throws IOException {
        Path home = Files.createTempDirectory("arena-training");
        try (TrainingServer server = TrainingServer.start()) {
            Map<String, String> env = Map.of(
                    "HOME", home.toString(),
                    "XDG_CACHE_HOME", home.resolve("cache").toString(),
                    "XDG_CONFIG_HOME", home.resolve("config").toString(),
                    "XDG_STATE_HOME", home.resolve("state").toString());
            String http = server.baseUrl();
            return List.of(
                    run(env, "chat", "--base-url", http, "-m", TrainingServer.MODEL, "Say hello."),
                    run(env, "chat", "--base-url", http, "-m", TrainingServer.MODEL, "-q", "Say hello."),
                    run(env, "chat", "--base-url", server.hangUpUrl(), "-m", TrainingServer.MODEL,
                            "--no-validate", "--retries", "0", "Say hello."),
                    // Opens the store and moves the chats' journal in: the driver and its
                    // native library, which the REPL, debates and logs load.
                    run(env, "logs"));
        } finally {
            deleteTree(home);
        }
    }

    private static int run(Map<String, String> env, String... args) {
        return Main.run(new Stdio(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream(), false, false, false, env), args);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
