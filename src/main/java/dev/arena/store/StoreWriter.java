package dev.arena.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes to the store on a thread of its own, so that no database work sits on the path to
 * the first token: the first write opens the database (loading the driver and its native
 * library, migrating) while the request is on its way. Opening it costs about 100 ms of CPU
 * (measured: the driver starts java.util.logging and a date formatter), which a one-shot chat
 * on a fast local server would pay at every run on a two-core machine; such a writer is given
 * some patience: when the run is over within it and only {@link Row}s were written, they go to
 * the {@link Journal} instead, for the next arena that opens the database. Writes are applied in order, each
 * batch of queued writes in one transaction, so many debates of one process share one
 * connection and one writer. A store that cannot be used costs nothing but records: the
 * first failure becomes one warning, kept for whoever ran the command to print, and the
 * writes go on being tried (a full disk may clear).
 */
public final class StoreWriter implements AutoCloseable {

    /** One unit of writing, run inside the writer's transaction. */
    @FunctionalInterface
    public interface Write {
        void apply(Connection connection) throws SQLException;
    }

    /** Records nothing: {@code --no-log}, or logging turned off. */
    public static final StoreWriter DISABLED = new StoreWriter(null, null, Duration.ZERO);

    private static final Write END = connection -> {
    };

    /**
     * A point in the queue that {@link #sync} waits for: released once every write queued before it
     * was committed, or was given up on (a store that cannot be written must not hang its caller).
     */
    private static final class SyncPoint implements Write {
        private final CountDownLatch passed = new CountDownLatch(1);

        @Override
        public void apply(Connection connection) {
            // Released after the commit, by the writer thread, not inside the transaction.
        }
    }

    private final Path file;
    private final Path cacheDir;
    private final Duration patience;
    private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private Thread thread;
    private boolean closed;
    private volatile String warning;
    /** A patient writer's rows, kept until it ends: whatever the database did not take goes to the journal. */
    private final List<Row> rows = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Its rows are in the journal already. */
    private volatile boolean journaled;
    /** Some write did not reach the database (it could not be opened, or a transaction failed). */
    private volatile boolean lost;
    private boolean warningTaken;

    /**
     * A writer to the database {@code file}; {@code cacheDir} keeps the native library. The
     * database is opened {@code patience} after the first write (at once for zero), unless the
     * writer is closed before, with only rows written: then they go to the journal.
     */
    public StoreWriter(Path file, Path cacheDir, Duration patience) {
        this.file = file;
        this.cacheDir = cacheDir;
        this.patience = patience;
    }

    public boolean enabled() {
        return file != null;
    }

    /** Queues {@code write}; the first call starts the writer. Never blocks, never throws. */
    public void submit(Write write) {
        if (file == null) {
            return;
        }
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (thread == null) {
                thread = new Thread(this::run, "arena-store");
                thread.setDaemon(true); // a store stuck on a lock never keeps arena from exiting
                thread.start();
            }
        }
        if (!patience.isZero() && write instanceof Row row) {
            rows.add(row);
        }
        queue.add(write);
    }

    /**
     * The first problem met, once: the caller prints it as its one warning line. Empty when
     * everything was written so far, or when it was already taken.
     */
    public Optional<String> takeWarning() {
        synchronized (lock) {
            if (warning == null || warningTaken) {
                return Optional.empty();
            }
            warningTaken = true;
            return Optional.of(warning);
        }
    }

    /**
     * Waits until everything submitted so far is committed, for at most {@code max}: a
     * tournament calls it after each turn, so that a {@code kill -9} never costs a request whose
     * answer had arrived. Returns false when the wait ran out (the store is held or slow); the
     * writes still go on. Not for a patient writer, whose database may never be opened.
     */
    public boolean sync(Duration max) {
        if (file == null) {
            return true;
        }
        SyncPoint point = new SyncPoint();
        synchronized (lock) {
            if (closed) {
                return false;
            }
        }
        submit(point);
        try {
            return point.passed.await(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until everything queued is written, for at most {@code patience} (a store held
     * by another arena past that is given up on, with a warning). Later submits are ignored.
     */
    public void close(Duration patience) {
        Thread running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
            lock.notifyAll(); // a patient writer waiting to open the database: journal now
        }
        if (running == null) {
            return;
        }
        queue.add(END);
        // A one-shot chat does not keep its user waiting on a store another arena holds: its
        // rows can always wait in the journal instead.
        Duration wait = this.patience.isZero() ? patience : PATIENT_CLOSE;
        try {
            running.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!this.patience.isZero() && !journaled && (running.isAlive() || lost)) {
            journalRows(running.isAlive() ? "the store " + file + " did not answer within " + PATIENT_CLOSE.toSeconds()
                    + " s (another arena or program may hold it)" : null);
        } else if (running.isAlive()) {
            warn("the store " + file + " did not finish writing within " + patience.toSeconds() + " s; the last records may be missing");
        }
    }

    /**
     * Puts every row of this run in the journal (those the database took too: applying a row
     * twice changes nothing), with {@code why} as the warning when there is no other yet.
     */
    private void journalRows(String why) {
        List<Row> all;
        synchronized (rows) {
            all = List.copyOf(rows);
        }
        if (all.isEmpty()) {
            return;
        }
        try {
            Journal.write(file, all);
            journaled = true;
            if (why != null) {
                warn(why + "; this run's record waits in " + Journal.directory(file));
            }
        } catch (java.io.IOException e) {
            warn(Journal.noSpace(e) ? "the disk holding the store " + file + " is full"
                    : "cannot keep the records in " + Journal.directory(file) + ": " + dev.arena.files.FileErrors.reason(e));
        }
    }

    /** How long a one-shot chat's writer may take to finish at the end of the run. */
    private static final Duration PATIENT_CLOSE = Duration.ofSeconds(2);

    @Override
    public void close() {
        close(Duration.ofMillis(Database.busyTimeoutMs() + 5_000L));
    }

    private void run() {
        if (!patience.isZero() && journaledInstead()) {
            return;
        }
        Connection connection;
        try {
            connection = Database.open(file, cacheDir);
            String problem = Database.catchUp(connection, file);
            if (problem != null) {
                warn(problem);
            }
        } catch (StoreException e) {
            lost = true;
            warn(e.getMessage());
            drainUntilEnd();
            return;
        } catch (RuntimeException | LinkageError e) {
            // The driver could not load its native library on this platform.
            lost = true;
            warn("the store " + file + " cannot be used here (" + e + ")");
            drainUntilEnd();
            return;
        }
        try {
            List<Write> batch = new ArrayList<>();
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch);
                boolean end = batch.remove(END);
                if (!batch.isEmpty()) {
                    write(connection, batch);
                }
                release(batch);
                batch.clear();
                if (end) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // Everything committed is in the WAL already.
            }
        }
    }

    /**
     * Waits up to the patience for the run to end; when it has, with only rows written, puts them
     * in the journal and returns true. False: the database is to be opened after all.
     */
    private boolean journaledInstead() {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (lock) {
            try {
                for (long left = patience.toMillis(); !closed && left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                    lock.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!closed || !queue.stream().allMatch(w -> w == END || w instanceof Row)) {
                return false;
            }
        }
        queue.clear();
        String problem = StoreHeader.problem(file);
        if (problem != null) {
            warn(problem); // the record is still kept in the journal, if it can be
        }
        journalRows(null);
        return true;
    }

    /**
     * One transaction for the batch; when it fails, each write alone, so one bad write loses only
     * itself. Not after a lock held past the busy timeout: each write alone would wait as long again.
     */
    private void write(Connection connection, List<Write> batch) {
        try {
            transaction(connection, batch);
        } catch (SQLException e) {
            lost = true;
            if (batch.size() == 1 || StoreErrors.locked(e)) {
                warn(StoreErrors.sentence(file, e));
                return;
            }
            for (Write write : batch) {
                try {
                    transaction(connection, List.of(write));
                } catch (SQLException each) {
                    warn(StoreErrors.sentence(file, each));
                }
            }
        }
    }

    private static void transaction(Connection connection, List<Write> writes) throws SQLException {
        Transaction.<RuntimeException>immediate(connection, () -> {
            for (Write write : writes) {
                write.apply(connection);
            }
        });
    }

    private void drainUntilEnd() {
        try {
            for (Write w = queue.poll(1, TimeUnit.DAYS); w != END; w = queue.poll(1, TimeUnit.DAYS)) {
                // Nothing can be written; the warning says so once. Whoever waits for a sync goes on.
                release(w == null ? List.of() : List.of(w));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void release(List<Write> batch) {
        for (Write write : batch) {
            if (write instanceof SyncPoint point) {
                point.passed.countDown();
            }
        }
    }

    private void warn(String sentence) {
        synchronized (lock) {
            if (warning == null) {
                warning = sentence;
            }
        }
    }
}
