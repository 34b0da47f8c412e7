package dev.arena.cli;

import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import dev.arena.repl.ChatSession;
import dev.arena.repl.SessionChoice;
import dev.arena.repl.SessionStart;
import dev.arena.repl.SessionStore;
import dev.arena.repl.StoredSessions;
import dev.arena.store.StoreWriter;
import dev.arena.text.Redactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
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
    private Path db;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        db = home.resolve("data/arena/arena.db");
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

    /** Opens the session as another chat of this process would, holding its lock. */
    private SessionStart openElsewhere(String name) throws Exception {
        SessionStore files = SessionStore.fromEnvironment(env, home);
        return new StoredSessions(files, db, home.resolve("cache"), Redactor.NONE)
                .open(SessionChoice.named(name), new ChatSession("m"), s -> { }, StoreWriter.DISABLED, line -> { });
    }

    @Test
    void aSessionOpenInAnotherChatIsRefusedWithExitTwo() throws Exception {
        String busy = "arena: session work is open in another arena chat (pid " + ProcessHandle.current().pid()
                + "); leave that one first, or choose another --session\n";
        fake.script("m", Reply.stream("ok"));
        assertEquals(0, CliRun.of("", false, env, "chat", "--base-url", fake.baseUrl(), "--no-validate", "-m", "m",
                "--session", "work", "hi").exitCode(), "the session is in the store, and the last one");
        try (SessionStart other = openElsewhere("work")) {
            CliRun named = chat("--session", "work");
            assertEquals(2, named.exitCode(), named.toString());
            assertEquals(busy, named.err());
            CliRun continued = chat("--continue");
            assertEquals(2, continued.exitCode(), continued.toString());
            assertEquals(busy, continued.err());
            CliRun oneShot = CliRun.of("", false, env, "chat", "--base-url", fake.baseUrl(), "--no-validate", "-c", "more");
            assertEquals(2, oneShot.exitCode(), oneShot.toString());
            assertEquals(busy, oneShot.err(), "a one-shot chat does not go on from a session another chat is in");
        }
        assertEquals(1, fake.requests().size(), "nothing was asked while the session was busy");
    }

    @Test
    void aStoreThatCannotBeReadStopsContinueWithExitThree() throws Exception {
        Files.createDirectories(db.getParent());
        Files.writeString(db, "this is not a database, and is longer than a header would be..............................\n");
        for (String[] args : new String[][] {{"--continue"}, {"--session", "work"}}) {
            CliRun r = chat(args);
            assertEquals(3, r.exitCode(), r.toString());
            assertEquals("arena: " + db + " is not a database arena can read (damaged, or another kind of file)\n", r.err());
        }
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void onlyOneWayOfChoosingTheConversationIsTaken() {
        for (String[] args : new String[][] {{"-c", "--session", "w"}, {"-c", "--cid", "01jf"}, {"--session", "w", "--cid", "01jf"}}) {
            CliRun r = chat(args);
            assertEquals(2, r.exitCode(), r.toString());
            assertTrue(r.err().startsWith("arena: --continue, --session and --cid each choose the conversation: give one of them\n"),
                    r.toString());
        }
        CliRun badName = chat("--session", "../etc");
        assertEquals(2, badName.exitCode(), badName.toString());
        assertTrue(badName.err().startsWith("arena: --session: a session name is letters, digits"), badName.toString());
    }
}
