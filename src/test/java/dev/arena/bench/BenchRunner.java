package dev.arena.bench;

import dev.arena.fake.BenchWorkloads;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The measuring half of {@code bin/bench}: runs real processes with stdout on a pipe against the
 * bench server, interleaved round by round ({@code arena, curl[, JVM floor], arena, curl, ...}),
 * and prints Markdown tables of medians.
 *
 * <p>Each process runs under GNU {@code time -f %M} for its peak RSS (from {@code wait4}); this JVM
 * reads its stdout in 64 KB reads, stamping the first byte with {@link System#nanoTime()}, and
 * checks arena's stdout against the workload's exact text plus the final newline as it streams.
 *
 * <pre>
 * BenchRunner --base-url URL --arena PATH --java PATH --floor-cp DIR --work DIR --arrivals FILE
 *             [--rounds N] [--warmup N] [--only WORKLOAD[,WORKLOAD...]] [--time PATH] [--timeout SECONDS]
 * </pre>
 * {@code --arrivals} is the file the bench server notes tournament requests in. The tournament
 * workloads are run by {@link TournamentBench}. Exits 1 if any arena run (warm-up included) was not
 * byte-exact or did not exit 0, or a tournament did not play its whole schedule.
 */
public final class BenchRunner {

    private static final String ARENA = "arena";
    private static final String CURL = "curl";
    private static final String FLOOR = "JVM floor";
    /** arena as built from another commit (bin/bench --baseline REV), run the same way, interleaved. */
    private static final String BASELINE = "baseline";
    private static final double MIB = 1024.0 * 1024.0;

    /** One process run; times in nanoseconds from just before the process was started, -1 if none. */
    record Run(String who, boolean warmup, long wall, long firstByte, long lastByte, long contentDone,
            long rssKb, long bytes, int exit, String mismatch) {

        boolean exact() {
            return mismatch == null;
        }
    }

    private final Map<String, String> opts;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Double> targets = new LinkedHashMap<>();
    private final Map<String, Long> arenaRss = new LinkedHashMap<>();
    private int arenaRuns;
    private int arenaExact;

    private BenchRunner(Map<String, String> opts) {
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        opts.put("--rounds", "5");
        opts.put("--warmup", "1");
        List<String> byDefault = new ArrayList<>(BenchWorkloads.NAMES);
        byDefault.add(TournamentBench.TOURNAMENT); // tournament-limit takes minutes: only when asked for
        opts.put("--only", String.join(",", byDefault));
        opts.put("--time", "/usr/bin/time");
        opts.put("--timeout", "600");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("BenchRunner: bad argument " + args[i]);
                System.exit(2);
            }
            opts.put(args[i], args[++i]);
        }
        for (String required : List.of("--base-url", "--arena", "--java", "--floor-cp", "--work", "--arrivals")) {
            if (!opts.containsKey(required)) {
                System.err.println("BenchRunner: missing " + required);
                System.exit(2);
            }
        }
        System.exit(new BenchRunner(opts).runAll());
    }

    private int runAll() throws IOException, InterruptedException {
        int rounds = Integer.parseInt(opts.get("--rounds"));
        int warmup = Integer.parseInt(opts.get("--warmup"));
        List<String> workloads = Arrays.asList(opts.get("--only").split(","));
        for (String workload : workloads) {
            if (!TournamentBench.NAMES.contains(workload) && !BenchWorkloads.NAMES.contains(workload)) {
                System.err.println("bin/bench: unknown workload: " + workload + " (known: "
                        + String.join(", ", BenchWorkloads.NAMES) + ", " + String.join(", ", TournamentBench.NAMES) + ")");
                return 2;
            }
        }
        Files.createDirectories(Path.of(opts.get("--work")));
        TournamentBench tournaments = new TournamentBench(opts, failures);
        // Other work on the machine skews every number: say how busy it was.
        System.out.println("load average before the run: " + loadAverage());
        for (String workload : workloads) {
            if (TournamentBench.NAMES.contains(workload)) {
                tournaments.run(workload);
            } else {
                runWorkload(workload, rounds, warmup);
            }
        }
        if (arenaRuns > 0) {
            printTargets();
        }
        tournaments.printTargets();
        System.out.println();
        System.out.println("load average after the run: " + loadAverage());
        if (!failures.isEmpty()) {
            System.out.println();
            System.out.println("**FAILED**: " + String.join("; ", failures));
            return 1;
        }
        return 0;
    }

    private void runWorkload(String workload, int rounds, int warmup) throws IOException, InterruptedException {
        byte[] content = BenchWorkloads.expectedContent(workload);
        byte[] expected = Arrays.copyOf(content, content.length + 1);
        expected[content.length] = '\n';
        List<String> who = new ArrayList<>(List.of(ARENA, CURL));
        if (opts.containsKey("--baseline-arena")) {
            who.add(1, BASELINE);
        }
        if (workload.equals("hello")) {
            who.add(FLOOR);
        }
        System.err.printf(Locale.ROOT, "bench: %s: %d warm-up + %d rounds of %s%n", workload, warmup, rounds, who);
        List<Run> runs = new ArrayList<>();
        for (int round = -warmup; round < rounds; round++) {
            for (String contestant : who) {
                Run run = runOne(workload, contestant, round < 0,
                        contestant.equals(ARENA) || contestant.equals(BASELINE) ? expected : null,
                        content.length);
                runs.add(run);
                System.err.printf(Locale.ROOT, "bench:   %-9s %s wall %8.1f ms  first byte %7s  rss %6.1f MiB  %,d bytes%s%n",
                        contestant, round < 0 ? "warm-up" : "round " + (round + 1), run.wall() / 1e6,
                        run.firstByte() < 0 ? "-" : String.format(Locale.ROOT, "%.1f ms", run.firstByte() / 1e6),
                        run.rssKb() / 1024.0, run.bytes(),
                        contestant.equals(ARENA) ? (run.exact() ? "  exact" : "  NOT EXACT: " + run.mismatch()) : "");
                if (contestant.equals(ARENA)) {
                    arenaRuns++;
                    if (run.exact()) {
                        arenaExact++;
                    } else {
                        failures.add(workload + " " + (round < 0 ? "warm-up" : "round " + (round + 1))
                                + ": " + run.mismatch());
                    }
                }
            }
        }
        printTable(workload, who, runs.stream().filter(r -> !r.warmup()).toList(), runs, rounds, warmup, content.length);
    }

    private Run runOne(String workload, String who, boolean warmup, byte[] expected, int contentLength)
            throws IOException, InterruptedException {
        Path work = Path.of(opts.get("--work"));
        List<String> command = new ArrayList<>();
        String model = BenchWorkloads.model(workload);
        switch (who) {
            case ARENA, BASELINE -> command.addAll(List.of(opts.get(who.equals(ARENA) ? "--arena" : "--baseline-arena"),
                    "chat", "--base-url", opts.get("--base-url"), "-m", model, "-q", "hi"));
            case CURL -> command.addAll(List.of("curl", "-N", "-s", "-X", "POST",
                    opts.get("--base-url") + "/chat/completions", "-H", "Content-Type: application/json",
                    "-d", "{\"model\":\"" + model + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
            default -> command.addAll(List.of(opts.get("--java"), "-cp", opts.get("--floor-cp"), "Empty"));
        }
        // A store of the benchmark's own (kept across runs, as a user's is), never the developer's.
        Map<String, String> env = Map.of("XDG_DATA_HOME", work.resolve("data").toString(),
                "XDG_STATE_HOME", work.resolve("state").toString());
        byte[] buffer = new byte[64 * 1024];
        long firstByte = -1;
        long lastByte = -1;
        long contentDone = -1;
        long total = 0;
        String mismatch = null;
        MeasuredProcess process = MeasuredProcess.start(opts.get("--time"), work,
                work.resolve(who.replace(' ', '-') + ".stderr"), env, command, Long.parseLong(opts.get("--timeout")));
        long start = process.startNanos();
        try (InputStream out = process.stdout()) {
            int n;
            while ((n = out.read(buffer)) > 0) {
                long now = System.nanoTime() - start;
                if (firstByte < 0) {
                    firstByte = now;
                }
                lastByte = now;
                if (expected != null && mismatch == null) {
                    mismatch = compare(expected, total, buffer, n);
                }
                total += n;
                if (contentDone < 0 && total >= contentLength) {
                    contentDone = now;
                }
            }
        }
        int exit = process.waitFor();
        long wall = System.nanoTime() - start;
        if (expected != null) {
            if (mismatch == null && total != expected.length) {
                mismatch = "stdout was " + total + " bytes, expected " + expected.length;
            }
            if (mismatch == null && exit != 0) {
                mismatch = "exit code " + exit;
            }
            if (mismatch != null) {
                mismatch += " (stderr: " + process.firstStderrLine() + ")";
            }
        }
        return new Run(who, warmup, wall, firstByte, lastByte, contentDone, process.rssKb(), total, exit, mismatch);
    }

    /** Null if {@code got[0..n)} matches the expected bytes at {@code offset}, else where it differs. */
    private static String compare(byte[] expected, long offset, byte[] got, int n) {
        for (int k = 0; k < n; k++) {
            long at = offset + k;
            if (at >= expected.length) {
                return "stdout longer than the expected " + expected.length + " bytes";
            }
            if (expected[(int) at] != got[k]) {
                return "stdout differs at byte " + at;
            }
        }
        return null;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private void printTable(String workload, List<String> who, List<Run> runs, List<Run> allRuns, int rounds, int warmup,
            int contentLength) {
        Map<String, List<Run>> by = new LinkedHashMap<>();
        for (String contestant : who) {
            by.put(contestant, runs.stream().filter(r -> r.who().equals(contestant)).toList());
        }
        long sseBytes = median(by.get(CURL), Run::bytes);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n### %s: %,d content chunks, %,d bytes of answer, %,d bytes of SSE; median of %d rounds after %d warm-up%n%n",
                workload, BenchWorkloads.contentChunks(workload), contentLength, sseBytes, rounds, warmup));
        out.append("| | wall ms | wall min–max ms | first byte ms | peak RSS MiB | stdout bytes |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (String contestant : who) {
            List<Run> list = by.get(contestant);
            long firstByte = median(list, Run::firstByte);
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f–%.1f | %s | %.1f | %,d |%n", contestant,
                    median(list, Run::wall) / 1e6, min(list, Run::wall) / 1e6, max(list, Run::wall) / 1e6,
                    firstByte < 0 ? "–" : String.format(Locale.ROOT, "%.1f", firstByte / 1e6),
                    median(list, Run::rssKb) / 1024.0, median(list, Run::bytes)));
        }
        List<Run> arena = by.get(ARENA);
        double wallVsCurl = ratio(arena, by.get(CURL), Run::wall);
        out.append(String.format(Locale.ROOT, "| **arena / curl** | **%.2f×** | | %s | %.2f× | |%n", wallVsCurl,
                formatRatio(ratio(arena, by.get(CURL), Run::firstByte)), ratio(arena, by.get(CURL), Run::rssKb)));
        if (by.containsKey(BASELINE)) {
            double wallVsBaseline = ratio(arena, by.get(BASELINE), Run::wall);
            out.append(String.format(Locale.ROOT, "| **arena / baseline** | **%.2f×** | | %s | %.2f× | |%n", wallVsBaseline,
                    formatRatio(ratio(arena, by.get(BASELINE), Run::firstByte)), ratio(arena, by.get(BASELINE), Run::rssKb)));
            targets.put(workload + " wall, arena / baseline", wallVsBaseline);
        }
        if (by.containsKey(FLOOR)) {
            double wallVsFloor = ratio(arena, by.get(FLOOR), Run::wall);
            out.append(String.format(Locale.ROOT, "| **arena / JVM floor** | **%.2f×** | | | %.2f× | |%n", wallVsFloor,
                    ratio(arena, by.get(FLOOR), Run::rssKb)));
            targets.put("hello wall, arena / JVM floor", wallVsFloor);
        }
        if (workload.equals("flood-200k")) {
            targets.put("flood-200k wall, arena / curl", wallVsCurl);
        }
        arenaRss.put(workload, median(arena, Run::rssKb));
        out.append('\n');
        out.append("arena stdout byte-exact (answer + \"\\n\", exit 0), run by run: ")
                .append(String.join(" ", allRuns.stream().filter(r -> r.who().equals(ARENA))
                        .map(r -> (r.warmup() ? "warm-up " : "") + (r.exact() ? "yes" : "NO")).toList()))
                .append('\n');
        if (workload.startsWith("flood")) {
            out.append(String.format(Locale.ROOT, "%nSSE throughput over the whole run (SSE bytes / wall): arena %.1f MB/s, curl %.1f MB/s%n",
                    sseBytes / (median(arena, Run::wall) / 1e9) / 1e6,
                    sseBytes / (median(by.get(CURL), Run::wall) / 1e9) / 1e6));
        }
        if (workload.equals("paced")) {
            double schedule = (BenchWorkloads.PACED_CHUNKS - 1) * (double) BenchWorkloads.PACED_INTERVAL_MILLIS;
            List<Long> spans = arena.stream().map(r -> r.contentDone() - r.firstByte()).sorted().toList();
            double span = median(arena, r -> r.contentDone() - r.firstByte()) / 1e6;
            double curlSpan = median(by.get(CURL), r -> r.lastByte() - r.firstByte()) / 1e6;
            out.append(String.format(Locale.ROOT, "%narena first to last content byte: median %.1f ms (all: %s ms) against the server's "
                    + "%.0f ms between first and last content chunk (%d chunks %d ms apart; the stream spans %d ms): %+.2f%%.%n"
                    + "curl first to last byte of the stream: median %.1f ms.%n",
                    span, String.join(", ", spans.stream().map(s -> String.format(Locale.ROOT, "%.1f", s / 1e6)).toList()),
                    schedule, BenchWorkloads.PACED_CHUNKS, BenchWorkloads.PACED_INTERVAL_MILLIS,
                    BenchWorkloads.PACED_CHUNKS * BenchWorkloads.PACED_INTERVAL_MILLIS,
                    (span - schedule) / schedule * 100, curlSpan));
            targets.put("paced first to last content byte, deviation from schedule %", Math.abs(span - schedule) / schedule * 100);
        }
        if (workload.equals("flood-2m") && arenaRss.containsKey("flood-200k")) {
            double growth = (double) arenaRss.get("flood-2m") / arenaRss.get("flood-200k");
            out.append(String.format(Locale.ROOT, "%narena peak RSS, flood-2m / flood-200k: %.1f / %.1f MiB = %.3f× (%+.1f%%)%n",
                    arenaRss.get("flood-2m") / 1024.0, arenaRss.get("flood-200k") / 1024.0, growth, (growth - 1) * 100));
            targets.put("peak RSS, flood-2m / flood-200k", growth);
        }
        System.out.print(out);
        System.out.flush();
    }

    private void printTargets() {
        StringBuilder out = new StringBuilder();
        out.append("\n### Issue 7 targets\n\n| what | measured | must | goal | |\n|---|---:|---:|---:|---|\n");
        row(out, "hello wall, arena / JVM floor", "%.2f", 3.0, 2.0, "≤ 3.0", "≤ 2.0");
        // Issue 12: recording every request may not make hello more than 10% slower than before.
        row(out, "hello wall, arena / baseline", "%.2f", 1.10, Double.NaN, "≤ 1.10", "");
        row(out, "flood-200k wall, arena / curl", "%.2f", 8.0, 4.0, "≤ 8", "≤ 4");
        row(out, "paced first to last content byte, deviation from schedule %", "%.2f%%", 5.0, 1.0, "≤ 5%", "≤ 1%");
        row(out, "peak RSS, flood-2m / flood-200k", "%.3f", 1.10, Double.NaN, "≤ 1.10", "");
        if (!arenaRss.isEmpty()) {
            long maxKb = arenaRss.values().stream().mapToLong(Long::longValue).max().orElse(0);
            String where = arenaRss.entrySet().stream().filter(e -> e.getValue() == maxKb).findFirst().map(Map.Entry::getKey).orElse("");
            targets.put("arena peak RSS, largest median", maxKb / 1024.0);
            row(out, "arena peak RSS, largest median (MiB, " + where + ")", "%.1f", 160.0, 100.0, "≤ 160", "≤ 100");
        }
        out.append(String.format(Locale.ROOT, "| arena runs byte-exact | %d of %d | all | | %s |%n", arenaExact, arenaRuns,
                arenaExact == arenaRuns ? "ok" : "**FAIL**"));
        System.out.print(out);
    }

    private void row(StringBuilder out, String what, String format, double must, double goal, String mustText, String goalText) {
        String key = targets.keySet().stream().filter(what::startsWith).findFirst().orElse(null);
        if (key == null) {
            return;
        }
        double value = targets.get(key);
        String verdict = !Double.isNaN(goal) && value <= goal ? "goal met" : value <= must ? "must met" : "**missed**";
        out.append(String.format(Locale.ROOT, "| %s | " + format + " | %s | %s | %s |%n", what, value, mustText, goalText, verdict));
    }

    private static String formatRatio(double ratio) {
        return Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static double ratio(List<Run> a, List<Run> b, ToLongFunction<Run> metric) {
        long x = median(a, metric);
        long y = median(b, metric);
        return x < 0 || y <= 0 ? Double.NaN : (double) x / y;
    }

    /** The median (the mean of the middle two for an even count); -1 if any run lacks the value. */
    private static long median(List<Run> runs, ToLongFunction<Run> metric) {
        long[] values = runs.stream().mapToLong(metric).sorted().toArray();
        if (values.length == 0 || values[0] < 0) {
            return -1;
        }
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static long min(List<Run> runs, ToLongFunction<Run> metric) {
        return runs.stream().mapToLong(metric).min().orElse(-1);
    }

    private static long max(List<Run> runs, ToLongFunction<Run> metric) {
        return runs.stream().mapToLong(metric).max().orElse(-1);
    }
}
