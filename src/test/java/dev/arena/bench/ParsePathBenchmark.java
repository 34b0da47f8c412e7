package dev.arena.bench;

import dev.arena.fake.BenchWorkloads;
import dev.arena.openrouter.ParsePath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of the parse path, event-stream bytes in, content out, on one thread: an
 * OpenRouter-shaped body of {@value #CHUNKS} flood chunks (about 2.9 MB, the same events as
 * {@code bench/flood-200k}) is fed in 16 KB reads through the production classes (see
 * {@link ParsePath}). One operation parses the whole body, so MB/s = ops/s × body size.
 *
 * <p>{@code fullPath} is what arena does per stream; {@code sseOnly} is the SSE layer alone (events
 * with their data as bytes, as the parse path reads them), to show how the time splits. Run by
 * {@code bin/bench --jmh}, which calls {@link #main}; extra arguments are JMH's own
 * ({@code -wi 5 -i 10 ...}). Not a test: {@code mvn verify} never runs it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class ParsePathBenchmark {

    static final int CHUNKS = 10_000;

    private byte[] body;

    @Setup
    public void setUp() {
        body = body();
        long expected = BenchWorkloads.floodText(CHUNKS).length();
        long parsed = ParsePath.contentChars(body);
        if (parsed != expected) {
            throw new IllegalStateException("parse path returned " + parsed + " content chars, expected " + expected);
        }
    }

    @Benchmark
    public long fullPath() {
        return ParsePath.contentChars(body);
    }

    @Benchmark
    public long sseOnly() {
        return ParsePath.sseDataBytes(body);
    }

    static byte[] body() {
        return BenchWorkloads.sseBody("bench/flood-200k", CHUNKS);
    }

    /** Runs the benchmarks, then prints a Markdown table in MB/s (10^6 bytes per second). */
    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(ParsePathBenchmark.class.getName() + "\\.")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        int bytes = body().length;
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(String.format(Locale.ROOT, "### JMH parse path (%,d bytes of SSE per op, %,d content chunks, 16 KB reads, 1 thread)",
                bytes, CHUNKS));
        lines.add("");
        lines.add("| benchmark | ops/s | MB/s | ± MB/s (99.9%) |");
        lines.add("|---|---:|---:|---:|");
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult();
            String name = run.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            double error = Double.isNaN(primary.getScoreError()) ? 0 : primary.getScoreError();
            lines.add(String.format(Locale.ROOT, "| %s | %.2f | %.1f | %.1f |", name, primary.getScore(),
                    primary.getScore() * bytes / 1e6, error * bytes / 1e6));
        }
        lines.forEach(System.out::println);
    }
}
