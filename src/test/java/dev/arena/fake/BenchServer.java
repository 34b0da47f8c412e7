package dev.arena.fake;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The fake OpenRouter serving the benchmark workloads ({@code bench/hello}, {@code bench/paced},
 * {@code bench/flood-200k}, {@code bench/flood-2m}, see {@link BenchWorkloads}), the models of
 * the bench tournament ({@link BenchTournament}) and {@code fake/echo}. Run by {@code bin/bench};
 * also usable by hand:
 *
 * <pre>
 * BenchServer [--port N] [--arrivals FILE]  prints the base URL, then serves until killed; with
 *                                           --arrivals, appends to FILE when each tournament request came
 * BenchServer --expected WORKLOAD FILE      writes the exact answer text of WORKLOAD to FILE and exits
 * </pre>
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 0;
        Arrivals arrivals = Arrivals.none();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--arrivals") && i + 1 < args.length) {
                arrivals = Arrivals.appendingTo(Path.of(args[++i]));
            } else if (args[i].equals("--expected") && i + 2 < args.length) {
                String workload = args[++i];
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[++i])))) {
                    BenchWorkloads.writeExpected(workload, out);
                }
                return;
            } else {
                System.err.println("usage: BenchServer [--port N] [--arrivals FILE] | --expected WORKLOAD FILE");
                System.exit(2);
            }
        }
        FakeOpenRouter fake = BenchTournament.serve(BenchWorkloads.serveAll(FakeOpenRouter.start(port)), arrivals);
        System.out.println(fake.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await(); // serving threads are daemons: keep the JVM up until killed
    }
}
