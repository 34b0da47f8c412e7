package dev.arena.bench;

import dev.arena.fake.Arrivals;
import dev.arena.fake.BenchTournament;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tournament workloads of {@code bin/bench} (issue 13): arena plays {@link BenchTournament}
 * against the bench server, once per workload, {@value #CONCURRENCY} debates at once, in a store
 * made fresh in the benchmark's own XDG directories.
 *
 * <ul>
 * <li>{@value #TOURNAMENT}: a rate limit that never binds. Measured: the wall time against the
 *     ideal schedule (the debates' paced turns spread evenly over the slots), the peak RSS, and the
 *     threads left behind: {@link ThreadCensus} counts the JVM's {@code arena-debate-*} threads from
 *     outside while it runs, and once no debate waits to start, there may be no more of them than
 *     debates still running (each line on stdout ends one); then the time from the last debate's
 *     line to the exit.
 * <li>{@value #LIMITED}: {@value #LIMIT_PER_MINUTE} requests a minute for each fighter (the judge is
 *     left unbound, or its 2 readings a debate would be the limit instead). Measured: each
 *     fighter's request rate as the server saw the requests arrive ({@link RequestRate}).
 * </ul>
 * A run is one long process measured against its own ideal, so there are no rounds against curl.
 */
final class TournamentBench {

    static final String TOURNAMENT = "tournament";
    static final String LIMITED = "tournament-limit";
    static final List<String> NAMES = List.of(TOURNAMENT, LIMITED);

    static final int CONCURRENCY = 16;
    static final int LIMIT_PER_MINUTE = 30;
    /** A rate limit far above anything the bench asks: 100,000 a minute. */
    private static final String UNBOUND = "100000/min";
    private static final String DEBATE_THREADS = "arena-debate-";

    private static final double WALL_TARGET = 1.15;
    private static final double RSS_TARGET_MIB = 256;
    private static final double EXIT_TARGET_MILLIS = 1000;
    /** A debate thread may still be ending this long after it printed its debate's line. */
    private static final long THREAD_GRACE_MILLIS = 50;
    private static final double RATE_TOLERANCE = 0.10;

    /**
     * One run of a tournament workload: {@code wall} and the times of the debates' lines on stdout in
     * ns from just before the process started; the server's arrivals by the wall clock, as its start.
     */
    private record Run(int exit, long wall, List<Long> debateEnds, long rssKb, long startEpochMillis,
            List<ThreadCensus.Sample> samples, List<Arrivals.Arrival> arrivals, String stderr) {

        long lastDebate() {
            return debateEnds.isEmpty() ? -1 : debateEnds.get(debateEnds.size() - 1);
        }

        /** Debates whose line came at least the grace before {@code nanos}. */
        int endedBefore(long nanos) {
            long until = nanos - THREAD_GRACE_MILLIS * 1_000_000;
            return (int) debateEnds.stream().filter(t -> t <= until).count();
        }

        List<Long> arrivalsOf(String model) {
            return arrivals.stream().filter(a -> a.model().equals(model)).map(Arrivals.Arrival::epochMillis).sorted().toList();
        }
    }

    private final Map<String, String> opts;
    private final List<String> failures;
    private final StringBuilder targets = new StringBuilder();
    private boolean launched;

    /** {@code opts} as {@link BenchRunner} reads them; what went wrong is added to {@code failures}. */
    TournamentBench(Map<String, String> opts, List<String> failures) {
        this.opts = opts;
        this.failures = failures;
    }

    void run(String workload) throws IOException, InterruptedException {
        launchOnce();
        boolean limited = workload.equals(LIMITED);
        String rateLimit = limited ? LIMIT_PER_MINUTE + "/min," + BenchTournament.JUDGE + "=" + UNBOUND : UNBOUND;
        System.err.printf(Locale.ROOT, "bench: %s: %d debates, --concurrency %d --rate-limit %s%n", workload,
                BenchTournament.debates(), CONCURRENCY, rateLimit);
        Run run = runOnce(workload, rateLimit);
        System.err.printf(Locale.ROOT, "bench:   arena wall %.1f s, %d debate lines, exit %d, rss %.1f MiB%n",
                run.wall() / 1e9, run.debateEnds().size(), run.exit(), run.rssKb() / 1024.0);
        check(workload, run);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n### %s: %d models × %d motions, every pair both ways: %d debates of %d rounds "
                        + "(turns of %d chunks %d ms apart), one judge; --concurrency %d --rate-limit %s%n%n",
                workload, BenchTournament.FIGHTER_COUNT, BenchTournament.MOTIONS.size(), BenchTournament.debates(),
                BenchTournament.ROUNDS, BenchTournament.TURN_CHUNKS, BenchTournament.TURN_INTERVAL_MILLIS, CONCURRENCY,
                rateLimit));
        out.append(String.format(Locale.ROOT, "arena exit %d, %d debate lines on stdout; the server got %d turn and %d judge requests%n",
                run.exit(), run.debateEnds().size(), run.arrivals().stream().filter(a -> !a.model().equals(BenchTournament.JUDGE)).count(),
                run.arrivalsOf(BenchTournament.JUDGE).size()));
        if (limited) {
            reportRates(out, run);
        } else {
            reportSchedule(out, run);
        }
        System.out.print(out);
        System.out.flush();
    }

    /** The tournaments' targets, if any ran. */
    void printTargets() {
        if (targets.length() > 0) {
            System.out.print("\n### Issue 13 targets\n\n| what | measured | target | |\n|---|---:|---:|---|\n" + targets);
        }
    }

    /**
     * One unmeasured launch first: a jar just built makes the launcher train its class-data archive,
     * seconds that belong to no tournament.
     */
    private void launchOnce() throws IOException, InterruptedException {
        if (!launched) {
            launched = true;
            new ProcessBuilder(opts.get("--arena"), "--version").redirectInput(new File("/dev/null"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        }
    }

    private Run runOnce(String workload, String rateLimit) throws IOException, InterruptedException {
        Path work = Path.of(opts.get("--work"));
        Path dir = work.resolve(workload);
        deleteTree(dir);
        Files.createDirectories(dir);
        // A fresh store, as a new tournament's; a cache (the native SQLite library, the catalogue) kept
        // across runs as a user's is; an empty config, so no developer's rate limits or retries take part.
        Map<String, String> env = Map.of("XDG_DATA_HOME", dir.resolve("data").toString(),
                "XDG_STATE_HOME", dir.resolve("state").toString(), "XDG_CACHE_HOME", work.resolve("cache").toString(),
                "XDG_CONFIG_HOME", work.resolve("config").toString());
        List<String> command = new ArrayList<>(List.of(opts.get("--arena"), "tournament", "--base-url", opts.get("--base-url"),
                "--models", String.join(",", BenchTournament.FIGHTERS), "--judges", BenchTournament.JUDGE,
                "--rounds", Integer.toString(BenchTournament.ROUNDS), "--concurrency", Integer.toString(CONCURRENCY),
                "--rate-limit", rateLimit, "--name", "bench-" + workload));
        BenchTournament.MOTIONS.forEach(m -> command.addAll(List.of("--motion", m)));
        Path arrivals = Path.of(opts.get("--arrivals"));
        long offset = Files.exists(arrivals) ? Files.size(arrivals) : 0;
        Path stderr = dir.resolve("arena.stderr");
        long startEpoch = System.currentTimeMillis();
        MeasuredProcess process = MeasuredProcess.start(opts.get("--time"), dir, stderr, env, command,
                Long.parseLong(opts.get("--timeout")));
        long start = process.startNanos();
        List<Long> debateEnds = new ArrayList<>();
        try (ThreadCensus census = new ThreadCensus(process.handle(), DEBATE_THREADS, start)) {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.stdout(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("[")) { // one line per finished debate (TournamentLines)
                        debateEnds.add(System.nanoTime() - start);
                    }
                }
            }
            int exit = process.waitFor();
            long wall = System.nanoTime() - start;
            census.close(); // before its samples are read: none comes after the exit
            return new Run(exit, wall, debateEnds, process.rssKb(), startEpoch, census.samples(),
                    Arrivals.read(arrivals, offset), process.firstStderrLine());
        }
    }

    /** A run that did not play the whole tournament, or asked other than its schedule, fails the benchmark. */
    private void check(String workload, Run run) {
        List<String> wrong = new ArrayList<>();
        if (run.exit() != 0) {
            wrong.add("exit code " + run.exit() + " (stderr: " + run.stderr() + ")");
        }
        if (run.debateEnds().size() != BenchTournament.debates()) {
            wrong.add(run.debateEnds().size() + " debate lines, expected " + BenchTournament.debates());
        }
        for (String fighter : BenchTournament.FIGHTERS) {
            int asked = run.arrivalsOf(fighter).size();
            if (asked != BenchTournament.turnsPerFighter()) {
                wrong.add(fighter + " got " + asked + " requests, expected " + BenchTournament.turnsPerFighter());
            }
        }
        int readings = run.arrivalsOf(BenchTournament.JUDGE).size();
        if (readings != 2 * BenchTournament.debates()) {
            wrong.add("the judge got " + readings + " requests, expected " + 2 * BenchTournament.debates());
        }
        wrong.forEach(w -> failures.add(workload + ": " + w));
    }

    private void reportSchedule(StringBuilder out, Run run) {
        double ideal = BenchTournament.idealMillis(CONCURRENCY);
        double wall = run.wall() / 1e6;
        long firstRequest = run.arrivals().stream().mapToLong(Arrivals.Arrival::epochMillis).min().orElse(run.startEpochMillis())
                - run.startEpochMillis();
        double playing = run.lastDebate() / 1e6 - firstRequest;
        double exitAfter = (run.wall() - run.lastDebate()) / 1e6;
        List<ThreadCensus.Sample> samples = run.samples();
        // Once the last debates have started, the pool's idle threads end: threads beyond the
        // debates left are threads left behind.
        int lastStart = BenchTournament.debates() - CONCURRENCY;
        List<ThreadCensus.Sample> tail = samples.stream().filter(x -> run.endedBefore(x.nanos()) >= lastStart).toList();
        long outlived = tail.stream().filter(x -> x.named() > BenchTournament.debates() - run.endedBefore(x.nanos())).count();
        int peakDebate = samples.stream().mapToInt(ThreadCensus.Sample::named).max().orElse(0);
        int peakThreads = samples.stream().mapToInt(ThreadCensus.Sample::threads).max().orElse(0);
        out.append(String.format(Locale.ROOT, "%n| | measured |%n|---|---:|%n"));
        out.append(String.format(Locale.ROOT, "| wall ms (process start to exit) | %.0f |%n", wall));
        out.append(String.format(Locale.ROOT, "| ideal ms: %d debates × %d ms of paced turns / %d slots | %.0f |%n",
                BenchTournament.debates(), BenchTournament.debateMillis(), CONCURRENCY, ideal));
        out.append(String.format(Locale.ROOT, "| **wall / ideal** | **%.3f** |%n", wall / ideal));
        out.append(String.format(Locale.ROOT, "| start to the first request, ms | %d |%n", firstRequest));
        out.append(String.format(Locale.ROOT, "| first request to the last debate's line, / ideal | %.3f |%n", playing / ideal));
        out.append(String.format(Locale.ROOT, "| peak RSS MiB | %.1f |%n", run.rssKb() / 1024.0));
        out.append(String.format(Locale.ROOT, "| arena-debate threads, most at once | %d |%n", peakDebate));
        out.append(String.format(Locale.ROOT, "| JVM threads, most at once | %d |%n", peakThreads));
        out.append(String.format(Locale.ROOT, "| samples of the last %d debates with more arena-debate threads than debates left | %d of %d |%n",
                CONCURRENCY, outlived, tail.size()));
        out.append(String.format(Locale.ROOT, "| exit after the last debate's line, ms | %.0f |%n", exitAfter));
        out.append(String.format(Locale.ROOT, "%nThreads counted from /proc every %d ms, %d samples; a debate's thread has %d ms "
                + "after its line to end.%n", ThreadCensus.INTERVAL_MILLIS, samples.size(), THREAD_GRACE_MILLIS));
        target("tournament wall / ideal", String.format(Locale.ROOT, "%.3f", wall / ideal), "≤ " + WALL_TARGET,
                wall / ideal <= WALL_TARGET);
        target("tournament peak RSS MiB", String.format(Locale.ROOT, "%.1f", run.rssKb() / 1024.0), "≤ " + (int) RSS_TARGET_MIB,
                run.rssKb() > 0 && run.rssKb() / 1024.0 <= RSS_TARGET_MIB);
        target("tournament threads left behind: samples with more debate threads than debates left; exit after the last",
                String.format(Locale.ROOT, "%d of %d; %.0f ms", outlived, tail.size(), exitAfter),
                "0; ≤ " + (int) EXIT_TARGET_MILLIS + " ms", outlived == 0 && !tail.isEmpty() && exitAfter <= EXIT_TARGET_MILLIS);
    }

    private void reportRates(StringBuilder out, Run run) {
        // A fighter asked less than twice has no rate: check() has failed the run already.
        List<RequestRate> rates = BenchTournament.FIGHTERS.stream().filter(f -> run.arrivalsOf(f).size() >= 2)
                .map(f -> RequestRate.of(f, run.arrivalsOf(f), LIMIT_PER_MINUTE)).toList();
        double bound = (BenchTournament.turnsPerFighter() - LIMIT_PER_MINUTE) * 60.0 / LIMIT_PER_MINUTE;
        out.append(String.format(Locale.ROOT, "%nwall %.1f s, %.3f× the %.0f s the limit allows at least: a burst of %d, then %d a "
                + "minute for the other %d turns of each fighter%n", run.wall() / 1e9, run.wall() / 1e9 / bound, bound,
                LIMIT_PER_MINUTE, LIMIT_PER_MINUTE, BenchTournament.turnsPerFighter() - LIMIT_PER_MINUTE));
        out.append(String.format(Locale.ROOT, "%nRequests a minute by arrival at the server; past the burst: the requests after the "
                + "bucket's first %d, over the time from the first request to the last%n%n", LIMIT_PER_MINUTE));
        out.append("| fighter | requests | first to last s | whole run /min | **past the burst /min** | most in 60 s |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (RequestRate r : rates) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | **%.2f** | %d |%n", r.model(), r.requests(),
                    r.spanSeconds(), r.overallPerMinute(), r.pastBurstPerMinute(), r.busiestMinute()));
        }
        double low = rates.stream().mapToDouble(RequestRate::pastBurstPerMinute).min().orElse(Double.NaN);
        double high = rates.stream().mapToDouble(RequestRate::pastBurstPerMinute).max().orElse(Double.NaN);
        double least = LIMIT_PER_MINUTE * (1 - RATE_TOLERANCE);
        double most = LIMIT_PER_MINUTE * (1 + RATE_TOLERANCE);
        target("tournament-limit rate of each fighter past the burst, lowest–highest /min",
                String.format(Locale.ROOT, "%.2f–%.2f", low, high),
                String.format(Locale.ROOT, "%.0f–%.0f", least, most), low >= least && high <= most);
    }

    private void target(String what, String measured, String target, boolean met) {
        targets.append("| ").append(what).append(" | ").append(measured).append(" | ").append(target).append(" | ")
                .append(met ? "met" : "**missed**").append(" |\n");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
