package dev.arena.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Counts the threads of a running process from {@code /proc} every {@value #INTERVAL_MILLIS} ms,
 * on a thread of its own: all of them, and the distinct names that start with a prefix. The JVM
 * names a task after its Java thread, cut to 15 characters, which keeps {@code arena-debate-NN}
 * whole; a thread is born with its parent's name, though, until it starts naming itself, so a
 * thread just started by {@code arena-debate-3} briefly looks like a second one: names, not tasks,
 * are counted. Watching from outside means arena needs no hook, and the count is the kernel's.
 */
final class ThreadCensus implements AutoCloseable {

    static final int INTERVAL_MILLIS = 50;

    /** One count, {@code nanos} after {@code origin}: tasks, and distinct names with the prefix. */
    record Sample(long nanos, int threads, int named) {
    }

    private final ProcessHandle parent;
    private final String prefix;
    private final long origin;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;

    /**
     * Watches the first child of {@code parent}, such as the command GNU time runs (which arena's
     * launcher turns into the JVM by {@code exec}); times are {@link System#nanoTime()} minus {@code origin}.
     */
    ThreadCensus(ProcessHandle parent, String prefix, long origin) {
        this.parent = parent;
        this.prefix = prefix;
        this.origin = origin;
        this.sampler = new Thread(this::sample, "bench-thread-census");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted() && parent.isAlive()) {
            Optional<ProcessHandle> child = parent.children().findFirst();
            if (child.isPresent()) {
                count(child.get().pid());
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void count(long pid) {
        int threads = 0;
        Set<String> named = new HashSet<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                threads++;
                String name = Files.readString(task.resolve("comm")).strip();
                if (name.startsWith(prefix)) {
                    named.add(name);
                }
            }
        } catch (IOException e) {
            return; // the process or a thread ended while being counted: this sample is lost, not wrong
        }
        Sample sample = new Sample(System.nanoTime() - origin, threads, named.size());
        synchronized (samples) {
            samples.add(sample);
        }
    }

    /** The samples so far, in time order. */
    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
    }
}
