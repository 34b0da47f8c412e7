package dev.arena.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process as the benchmark runs them: under GNU {@code time -f %M} for its peak RSS (from
 * {@code wait4}), stdin from /dev/null, stdout on a pipe to this JVM, stderr to a file, and killed
 * with its children if it outlives the timeout.
 */
final class MeasuredProcess {

    private final Process process;
    private final Thread killer;
    private final Path rssFile;
    private final Path stderr;
    private final long startNanos;

    private MeasuredProcess(Process process, Thread killer, Path rssFile, Path stderr, long startNanos) {
        this.process = process;
        this.killer = killer;
        this.rssFile = rssFile;
        this.stderr = stderr;
        this.startNanos = startNanos;
    }

    /**
     * Starts {@code command} under {@code time}, with {@code env} added to this JVM's environment.
     * {@code work} holds the RSS file; {@code stderr} gets the process's stderr.
     */
    static MeasuredProcess start(String time, Path work, Path stderr, Map<String, String> env, List<String> command,
            long timeoutSeconds) throws IOException {
        Path rss = work.resolve("rss.txt");
        Files.deleteIfExists(rss);
        List<String> timed = new ArrayList<>(List.of(time, "-f", "%M", "-o", rss.toString()));
        timed.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(timed)
                .redirectInput(new File("/dev/null"))
                .redirectError(stderr.toFile());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        return new MeasuredProcess(process, killAfter(process, timeoutSeconds), rss, stderr, start);
    }

    /** {@link System#nanoTime()} just before the process was started: times of a run are taken from it. */
    long startNanos() {
        return startNanos;
    }

    InputStream stdout() {
        return process.getInputStream();
    }

    /** GNU time's process; the command runs as its child. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    int waitFor() throws InterruptedException {
        int exit = process.waitFor();
        killer.interrupt();
        return exit;
    }

    /** The peak RSS in KiB, -1 if GNU time wrote none; after {@link #waitFor()}. */
    long rssKb() throws IOException {
        if (!Files.exists(rssFile)) {
            return -1;
        }
        // GNU time writes "Command exited with non-zero status N" before the format's line on failure.
        List<String> lines = Files.readAllLines(rssFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        try {
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(lines.size() - 1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The first line of the process's stderr, to say why it failed. */
    String firstStderrLine() throws IOException {
        if (!Files.exists(stderr)) {
            return "";
        }
        return Files.readAllLines(stderr, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).findFirst().orElse("");
    }

    private static Thread killAfter(Process process, long seconds) {
        Thread killer = new Thread(() -> {
            try {
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    System.err.println("bench: timed out after " + seconds + " s, killing " + process.info().commandLine().orElse(""));
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                // the run ended in time
            }
        }, "bench-timeout");
        killer.setDaemon(true);
        killer.start();
        return killer;
    }
}
