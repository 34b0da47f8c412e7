package dev.arena.e2e;

import dev.arena.fake.FakeOpenRouter;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code bin/arena} launcher as a subprocess, stdout and stderr on pipes,
 * with a controlled environment (no key unless the test sets one).
 */
final class ArenaProcess {

    static final Path HOME = Path.of(System.getProperty("arena.home", System.getProperty("user.dir")));
    static final Path LAUNCHER = HOME.resolve("bin/arena");

    private final List<String> command = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private String stdin;
    private File stdout;

    private ArenaProcess(List<String> args) {
        command.add(LAUNCHER.toString());
        command.addAll(args);
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getProperty("java.io.tmpdir"));
        // A cache and config of its own: a model list cached by another test (on a port used
        // again) or a developer's config file must not change what this run checks or sends.
        Path own = ownDirectory();
        env.put("XDG_CACHE_HOME", own.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", own.resolve("config").toString());
        // And a store and state of its own, so runs never share a database by accident.
        env.put("XDG_DATA_HOME", own.resolve("data").toString());
        env.put("XDG_STATE_HOME", own.resolve("state").toString());
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
    }

    /** The directories made for runs, removed with what the runs left in them when the tests end. */
    private static final List<Path> OWN_DIRECTORIES = java.util.Collections.synchronizedList(new ArrayList<>());

    static {
        // deleteOnExit removes only empty directories, and every run leaves a cache behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (OWN_DIRECTORIES) {
                OWN_DIRECTORIES.forEach(ArenaProcess::deleteRecursively);
            }
        }, "arena-e2e-cleanup"));
    }

    private static Path ownDirectory() {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("arena-e2e-");
            OWN_DIRECTORIES.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Left for the system's temporary-file clean-up.
        }
    }

    static ArenaProcess arena(String... args) {
        return new ArenaProcess(List.of(args));
    }

    /** {@code arena COMMAND --base-url URL ARGS...} against {@code server}, with {@code key} in the environment. */
    static ArenaProcess against(FakeOpenRouter server, String key, String command, String... args) {
        List<String> full = new ArrayList<>(List.of(command, "--base-url", server.baseUrl()));
        full.addAll(List.of(args));
        return new ArenaProcess(full).env("OPENROUTER_API_KEY", key);
    }

    ArenaProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    ArenaProcess stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** Sends stdout to {@code file} (say /dev/full) instead of a pipe the test reads. */
    ArenaProcess stdout(File file) {
        this.stdout = file;
        return this;
    }

    /** Starts the process; stdin is /dev/null unless text was given. */
    Running start() {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        if (stdin == null) {
            pb.redirectInput(new File("/dev/null"));
        }
        if (stdout != null) {
            pb.redirectOutput(stdout);
        }
        try {
            Process process = pb.start();
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            return new Running(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run() {
        return start().waitFor();
    }

    /** A started process whose output is collected in the background. */
    static final class Running {
        final Process process;
        private final Collector out;
        private final Collector err;

        Running(Process process) {
            this.process = process;
            this.out = new Collector(process.getInputStream());
            this.err = new Collector(process.getErrorStream());
        }

        String stdoutSoFar() {
            return out.text();
        }

        /** Waits (up to 60 s) until stdout contains {@code text}. */
        void awaitStdout(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!out.text().contains(text)) {
                if (System.nanoTime() > deadline || !process.isAlive() && !out.text().contains(text)) {
                    throw new AssertionError("stdout never showed '" + text + "'; stdout: " + out.text() + "; stderr: " + err.text());
                }
                Thread.sleep(20);
            }
        }

        void signal(String name) throws IOException, InterruptedException {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        }

        Result waitFor() {
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("arena did not finish within 120 s; stdout: " + out.text() + "; stderr: " + err.text());
                }
                out.join();
                err.join();
                return new Result(process.exitValue(), out.text(), err.text());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    private static final class Collector extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Collector(InputStream in) {
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) != -1) {
                    synchronized (bytes) {
                        bytes.write(buffer, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // The process ended; what was read is kept.
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
