package dev.arena.store;

import dev.arena.text.Redactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many writers on one file, each with its own connection: every row arrives, complete, and none meets "database is locked". */
class ConcurrentWritersTest {

    private static final int REQUESTS = 200;

    @TempDir
    Path dir;

    @Test
    void sixteenWritersInOneProcessLoseNothing() throws Exception {
        Path file = dir.resolve("threads.db");
        int writers = 16;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Optional<String>>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    StoreWriter writer = new StoreWriter(file, dir.resolve("cache"), java.time.Duration.ZERO);
                    start.await();
                    StoreTesting.recordChat(writer, Redactor.NONE, REQUESTS, "writer " + n);
                    writer.close();
                    return writer.takeWarning();
                }));
            }
            for (Future<Optional<String>> warning : done) {
                assertEquals(Optional.empty(), warning.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEveryRowComplete(file, writers);
    }

    @Test
    void threeProcessesWritingAtOnceLoseNothing() throws Exception {
        Path file = dir.resolve("processes.db");
        int processes = 3;
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            children.add(StoreTesting.child("write", file.toString(), dir.resolve("cache").toString(), Integer.toString(REQUESTS)));
        }
        for (Process child : children) {
            assertEquals("exit 0: ok", StoreTesting.finish(child));
        }
        assertEveryRowComplete(file, processes);
    }

    private static void assertEveryRowComplete(Path file, int conversations) throws Exception {
        assertEquals(conversations, StoreTesting.number(file, "SELECT count(*) FROM conversations"));
        assertEquals((long) conversations * REQUESTS, StoreTesting.number(file, "SELECT count(*) FROM requests WHERE status = 'complete'"
                + " AND response LIKE 'answer %' AND prompt_tokens = 3 AND ended_at IS NOT NULL"));
        assertEquals((long) conversations * REQUESTS, StoreTesting.number(file, "SELECT count(*) FROM requests"));
        // Each conversation has its own requests, all of them.
        assertEquals(conversations, StoreTesting.number(file,
                "SELECT count(*) FROM (SELECT conversation_id FROM requests GROUP BY conversation_id HAVING count(*) = " + REQUESTS + ")"));
    }
}
