package dev.arena.cli;

import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import dev.arena.store.StoreTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store that cannot be used never costs the answer: read-only, damaged, from a newer arena,
 * locked past the busy timeout, on a full disk. Each time the answer (and a debate's transcript)
 * is whole, the exit is 0, and stderr has exactly one warning naming the file and the reason.
 */
class StoreFailuresTest {

    private static final String WARNING = "arena: warning: the store could not keep this run: ";

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();
    private final List<Path> mounts = new ArrayList<>();

    @TempDir
    Path home;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        fake.script("s/chat", Reply.stream("the whole ", "answer"));
        fake.script("s/pro", Reply.stream("Pro argues."));
        fake.script("s/con", Reply.stream("Con replies."));
        String scores = "\"scores\":{\"A\":{\"argument_strength\":8,\"rebuttal\":7,\"evidence\":6,\"clarity\":9},"
                + "\"B\":{\"argument_strength\":5,\"rebuttal\":5,\"evidence\":5,\"clarity\":5}}";
        fake.script("s/judge", Reply.stream("{\"winner\":\"A\"," + scores + ",\"rationale\":\"A was sharper.\"}"));
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("OPENROUTER_API_KEY", "sk-or-v1-store-failures-0000");
    }

    @AfterEach
    void stop() throws Exception {
        fake.close();
        for (Path mount : mounts) {
            command("umount", mount.toString());
        }
    }

    private CliRun chat(Path db) {
        return CliRun.of(null, false, env, "chat", "--base-url", fake.baseUrl(), "--db", db.toString(), "-m", "s/chat", "hi");
    }

    private CliRun debate(Path db, Path transcript) {
        return CliRun.of(null, false, env, "debate", "--base-url", fake.baseUrl(), "--db", db.toString(), "--pro", "s/pro",
                "--con", "s/con", "--judge", "s/judge", "--rounds", "1", "--force", "--out", transcript.toString(), "Motion");
    }

    /** The answer, exit 0, and exactly one warning line, which matches {@code reason}. */
    private void assertAnsweredWithOneWarning(Path db, String reason) throws IOException {
        CliRun r = chat(db);
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("the whole answer\n", r.out());
        assertOneWarning(r, reason);

        Path transcript = home.resolve("t.md");
        CliRun d = debate(db, transcript);
        assertEquals(0, d.exitCode(), d.toString());
        assertOneWarning(d, reason);
        assertEquals(timeless(intactTranscript()), timeless(Files.readString(transcript)));
    }

    /** A transcript without its clock readings, which differ from run to run. */
    private static String timeless(String transcript) {
        return transcript.replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z", "TIME").replaceAll("\\b\\d+(\\.\\d+)?m?s\\b", "DURATION");
    }

    private static void assertOneWarning(CliRun r, String reason) {
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("arena: warning: the store")).toList();
        assertEquals(1, warnings.size(), r.toString());
        assertTrue(Pattern.matches(Pattern.quote(WARNING) + reason, warnings.get(0)), warnings.get(0) + "\n does not match " + reason);
    }

    /** The transcript of the same debate recorded into a store that works. */
    private String intactTranscript() throws IOException {
        Path transcript = home.resolve("reference.md");
        CliRun d = debate(home.resolve("working.db"), transcript);
        assertEquals(0, d.exitCode(), d.toString());
        assertTrue(d.err().lines().noneMatch(l -> l.startsWith("arena: warning")), d.toString());
        String text = Files.readString(transcript);
        assertTrue(text.contains("Pro argues.") && text.contains("Con replies.") && text.contains("A was sharper."), text);
        return text;
    }

    /** Records one chat into {@code db}, so that the store exists, migrated, as arena leaves it. */
    private void record(Path db) throws Exception {
        CliRun r = chat(db);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().lines().noneMatch(l -> l.startsWith("arena: warning")), r.toString());
        // The chat was over at once, so its record waits in the journal: move it in.
        dev.arena.store.StoreReader.open(db, home.resolve("cache")).orElseThrow().close();
    }

    @Test
    void aReadOnlyStore() throws Exception {
        Path dir = Files.createDirectories(home.resolve("ro"));
        Path db = dir.resolve("arena.db");
        boolean mounted = false;
        if (!root()) {
            record(db);
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        } else {
            // File modes do not stop root: a file system mounted read-only does.
            mountTmpfs(dir, "1m");
            record(db);
            mounted = command("mount", "-o", "remount,ro", dir.toString());
        }
        assertTrue(!Files.isWritable(db) || !mounted && !root(), "the store is read-only");
        try {
            assertAnsweredWithOneWarning(db, Pattern.quote("the store " + db + " is read-only"));
        } finally {
            if (!root()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------")); // for the clean-up
            }
        }
    }

    @Test
    void aDamagedStore() throws Exception {
        Path db = home.resolve("garbage.db");
        byte[] garbage = new byte[16384];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(db, garbage);
        assertAnsweredWithOneWarning(db, Pattern.quote(db + " is not a database arena can read (damaged, or another kind of file)"));
        assertTrue(java.util.Arrays.equals(garbage, Files.readAllBytes(db)), "left as it was");
    }

    @Test
    void aStoreFromANewerArena() throws Exception {
        Path db = home.resolve("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            s.execute("INSERT INTO migrations VALUES (999, 'from the future', '2030-01-01T00:00:00Z')");
            s.execute("PRAGMA user_version = 999"); // as arena keeps it in the header too
        }
        assertAnsweredWithOneWarning(db, Pattern.quote("the store " + db + " comes from a newer arena (schema 999; this one knows up to ")
                + "\\d+" + Pattern.quote("), so it was left as it is"));
    }

    @Test
    void aStoreLockedPastTheBusyTimeout() throws Exception {
        Path db = home.resolve("locked.db");
        record(db);
        try (AutoCloseable shortWait = StoreTesting.busyTimeout(1000);
             Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = holder.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            // A one-shot chat over at once does not wait for the lock: its record waits in the
            // journal, to be moved in by the next arena that opens the store.
            CliRun r = chat(db);
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals("the whole answer\n", r.out());
            assertTrue(r.err().lines().noneMatch(l -> l.startsWith("arena: warning")), r.toString());
            try (var waiting = Files.list(db.resolveSibling("locked.db.pending"))) {
                assertEquals(1, waiting.count());
            }
            Path transcript = home.resolve("t.md");
            CliRun d = debate(db, transcript);
            assertEquals(0, d.exitCode(), d.toString());
            assertOneWarning(d, Pattern.quote("the store " + db + " stayed locked by another arena for 1 s"));
            assertEquals(timeless(intactTranscript()), timeless(Files.readString(transcript)));
            s.execute("ROLLBACK");
        }
    }

    @Test
    void aStoreOnAFullDisk() throws Exception {
        Path dir = Files.createDirectories(home.resolve("small"));
        if (mountTmpfs(dir, "1m")) {
            Path db = dir.resolve("arena.db");
            record(db);
            fill(dir.resolve("filler"));
            assertAnsweredWithOneWarning(db, Pattern.quote("the disk holding the store " + db + " is full"));
        } else {
            // Without root no file system can be filled from here. /dev/full fails every write with
            // ENOSPC, but SQLite cannot make its journal in /dev and opens it read-only (seen as nobody).
            assertAnsweredWithOneWarning(Path.of("/dev/full"), Pattern.quote("the store /dev/full is read-only"));
        }
    }

    private static void fill(Path filler) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // No space left, as wanted.
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private boolean mountTmpfs(Path dir, String size) throws Exception {
        if (command("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString())) {
            mounts.add(dir);
            return true;
        }
        return false;
    }

    private static boolean command(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
