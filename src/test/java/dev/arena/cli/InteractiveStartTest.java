package dev.arena.cli;

import dev.arena.fake.FakeOpenRouter;
import dev.arena.files.WriteLock;
import dev.arena.repl.ChatSession;
import dev.arena.repl.SessionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@code arena chat} on a terminal refuses to start a session, in-process: everything up
 * to the terminal is checked before it is opened, so no terminal is needed.
 */
class InteractiveStartTest {

    @TempDir
    Path home;

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();
    private SessionStore store;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        store = SessionStore.fromEnvironment(env, home);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    /** arena chat with stdin and stdout on a terminal, nothing typed. */
    private CliRun chat(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"chat", "--base-url", fake.baseUrl(), "--no-validate"}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return CliRun.of(null, true, env, all);
    }

    @Test
    void aSessionOpenInAnotherReplIsRefusedWithExitTwo() throws Exception {
        try (WriteLock other = store.lock("work")) {
            CliRun r = chat("--session", "work");
            assertEquals(2, r.exitCode(), r.toString());
            assertEquals("arena: session work is open in another arena chat (pid " + ProcessHandle.current().pid()
                    + "); leave that one first, or choose another --session\n", r.err());
        }
        store.save("work", new ChatSession("m"));
        try (WriteLock other = store.lock("work")) {
            CliRun r = chat("--continue");
            assertEquals(2, r.exitCode(), r.toString());
            assertEquals("arena: session work is open in another arena chat (pid " + ProcessHandle.current().pid()
                    + "); leave that one first, or choose another --session\n", r.err());
        }
    }

    @Test
    void aSessionWhoseFileIsALinkIsRefusedBeforeTheChatStarts() throws Exception {
        Files.createDirectories(store.sessionsDir());
        Path target = Files.writeString(store.sessionsDir().resolve("elsewhere.txt"), "kept");
        Files.createSymbolicLink(store.pathOf("lnk"), target);
        CliRun r = chat("--session", "lnk");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("arena: " + store.pathOf("lnk") + " is a symbolic link, and arena replaces only regular files;"
                + " choose another file name\n", r.err());
        assertTrue(Files.isSymbolicLink(store.pathOf("lnk")));
        assertEquals("kept", Files.readString(target));
    }

    @Test
    void aSessionFileOverItsLimitIsRefusedWithExitOne() throws Exception {
        Files.createDirectories(store.sessionsDir());
        byte[] big = new byte[SessionStore.SESSION_LIMIT + 1];
        Arrays.fill(big, (byte) ' ');
        Files.write(store.pathOf("big"), big);
        CliRun r = chat("--session", "big");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("arena: cannot resume the session: " + store.pathOf("big") + " is larger than 16 MiB\n", r.err());
        assertEquals(big.length, Files.size(store.pathOf("big")), "left as it was");
    }

    @Test
    void endlessSessionAndLastSessionFilesAreRefused() throws Exception {
        Files.createDirectories(store.sessionsDir());
        Files.createSymbolicLink(store.pathOf("zero"), Path.of("/dev/zero"));
        CliRun session = chat("--session", "zero");
        assertEquals(2, session.exitCode(), session.toString());
        assertEquals("arena: " + store.pathOf("zero") + " is a symbolic link, and arena replaces only regular files;"
                + " choose another file name\n", session.err(), "a session that could never be saved is not read at all");
        Path last = home.resolve("data/arena/last-session");
        Files.createSymbolicLink(last, Path.of("/dev/zero"));
        CliRun continued = chat("--continue");
        assertEquals(1, continued.exitCode(), continued.toString());
        assertEquals("arena: cannot resume the session: " + last + " is larger than 4 KiB\n", continued.err());
        Files.delete(last);
        Files.delete(store.pathOf("zero"));
    }

    @Test
    void aSessionFromANewerArenaIsRefusedWithExitOneAndLeftAlone() throws Exception {
        Files.createDirectories(store.sessionsDir());
        String newer = "{\"format\":\"arena-chat\",\"version\":7,\"model\":\"m\",\"messages\":[]}\n";
        Files.writeString(store.pathOf("new"), newer);
        CliRun r = chat("--session", "new");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("arena: cannot resume the session: " + store.pathOf("new") + ": written by a newer arena"
                + " (session format version 7; this one reads up to 1); open it with that arena, or upgrade this one\n",
                r.err());
        assertEquals(newer, Files.readString(store.pathOf("new")));
    }
}
