package dev.arena.e2e;

import dev.arena.catalog.CatalogCache;
import dev.arena.catalog.ModelInfo;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real bin/arena chat on a real pseudo-terminal, made by util-linux {@code script}:
 * type a prompt, see the streamed answer, cut one with Ctrl-C, leave with Ctrl-D.
 */
class InteractiveChatIT {

    private static FakeOpenRouter fake;

    @TempDir
    Path dir;

    @BeforeAll
    static void startFake() {
        Assumptions.assumeTrue(new File("/usr/bin/script").canExecute() || onPath("script"),
                "util-linux script is not installed; it makes the pseudo-terminal");
        fake = FakeOpenRouter.start();
    }

    @AfterAll
    static void stopFake() {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void aConversationOnARealTerminal() throws Exception {
        fake.script("pty/model", Reply.stream("Hello ", "from ", "the pty").delayMillis(20),
                Reply.stream("slow ", "never").stallAfter(1), Reply.stream("still here"));
        Pty arena = Pty.start(dir, "chat", "--base-url", fake.baseUrl(), "-m", "pty/model", "--session", "ptytest");
        arena.awaitPrompt(1);
        arena.type("Say hello\r");
        arena.awaitScreen("Hello from the pty");
        arena.awaitPrompt(2);
        arena.type("Go on\r");
        arena.awaitScreen("slow"); // the word wrap holds the trailing space until a next word comes
        arena.type("\u0003"); // Ctrl-C while the answer streams
        arena.awaitScreen("[answer cut]");
        arena.awaitPrompt(3);
        arena.type("/model pty/model\r");
        arena.awaitPrompt(4);
        arena.type("Last one\r");
        arena.awaitScreen("still here");
        arena.awaitPrompt(5);
        arena.type("\u0004"); // Ctrl-D at the empty prompt
        int exit = arena.waitFor();
        String screen = arena.screen();
        assertEquals(0, exit, screen);
        assertFalse(screen.contains("Exception"), screen);
        assertEquals(3, fake.requestsFor("pty/model").size(), screen);
        String third = fake.requestsFor("pty/model").get(2).body();
        assertTrue(third.contains("slow ") && third.contains("Say hello") && third.contains("Hello from the pty"), third);
        try (var store = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/arena/arena.db"));
             var rows = store.createStatement().executeQuery("SELECT r.status, r.response FROM requests r"
                     + " JOIN conversations c ON c.id = r.conversation_id WHERE c.name = 'ptytest' ORDER BY r.rowid")) {
            List<String> kept = new java.util.ArrayList<>();
            while (rows.next()) {
                kept.add(rows.getString(1) + ":" + rows.getString(2));
            }
            assertEquals(List.of("complete:Hello from the pty", "interrupted:slow ", "complete:still here"), kept,
                    "the session is in the store, the cut answer with what arrived");
        }
        assertTrue(Files.readString(dir.resolve("state/arena/history")).contains("Say hello"));
    }

    @Test
    void tabAfterModelCompletesFromTheCachedCatalogue() throws Exception {
        URI base = URI.create(fake.baseUrl());
        List<ModelInfo> models = List.of(ModelInfo.ofId("pty/tabbed"), ModelInfo.ofId("pty/completed-from-the-cache"));
        new CatalogCache(dir.resolve(".cache/arena"), base, () -> models, CatalogCache.DEFAULT_TTL, Clock.systemUTC())
                .load(true); // what an earlier arena models left
        Pty arena = Pty.start(dir, "chat", "--base-url", fake.baseUrl(), "-m", "pty/tabbed");
        arena.awaitPrompt(1);
        arena.type("/model pty/comp\t\r");
        arena.awaitScreen("model: pty/completed-from-the-cache");
        arena.awaitScreen("pty/completed-from-the-cache> ");
        arena.type("\u0004");
        assertEquals(0, arena.waitFor(), arena.screen());
        assertTrue(fake.requests().stream().noneMatch(r -> r.path().endsWith("/models")),
                "TAB and the model check read the cache, not the server: " + arena.screen());
    }

    @Test
    void aSecondChatOnTheSameSessionIsRefusedAndSaveAsksBeforeReplacing() throws Exception {
        fake.script("pty/saver", Reply.stream("first answer"));
        Pty first = Pty.start(dir, "chat", "--base-url", fake.baseUrl(), "-m", "pty/saver", "--session", "shared");
        first.awaitPrompt(1);
        Pty second = Pty.start(dir, "chat", "--base-url", fake.baseUrl(), "-m", "pty/saver", "--session", "shared");
        assertEquals(2, second.waitFor(), second.screen());
        assertTrue(second.screen().contains("arena: session shared is open in another arena chat (pid "), second.screen());
        assertTrue(second.screen().contains("; leave that one first, or choose another --session"), second.screen());
        assertFalse(second.screen().contains("pty/saver> "), "no second REPL: " + second.screen());

        Path existing = Files.writeString(dir.resolve("kept.md"), "mine\n");
        first.type("Hello\r");
        first.awaitScreen("first answer");
        first.awaitPrompt(2);
        first.type("/save " + existing + "\r");
        first.awaitScreen(existing + " exists; replace it? [y/N]");
        first.type("n\r");
        first.awaitScreen("not saved; /save! " + existing + " replaces it without asking");
        first.awaitPrompt(3);
        assertEquals("mine\n", Files.readString(existing));
        first.type("/save " + existing + "\r");
        first.type("y\r"); // typed ahead: it waits in the pty for the question
        first.awaitScreen("saved 2 messages to " + existing);
        first.awaitPrompt(4);
        assertTrue(Files.readString(existing).contains("first answer"), Files.readString(existing));
        first.type("\u0004");
        assertEquals(0, first.waitFor(), first.screen());
        assertTrue(first.screen().contains("saved as session shared"), first.screen());

        Pty after = Pty.start(dir, "chat", "--base-url", fake.baseUrl(), "-m", "pty/saver", "--session", "shared");
        after.awaitScreen("resumed session shared (2 messages");
        after.awaitPrompt(1);
        after.type("\u0004");
        assertEquals(0, after.waitFor(), "the session is free once the first chat left: " + after.screen());

        Pty continued = Pty.start(dir, "chat", "--base-url", fake.baseUrl(), "-m", "pty/saver", "-c");
        continued.awaitScreen("resumed session shared (2 messages");
        continued.awaitPrompt(1);
        continued.type("\u0004");
        assertEquals(0, continued.waitFor(), "-c goes on from the session used last: " + continued.screen());

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Pty nothing = Pty.start(dir, "chat", "--base-url", fake.baseUrl(), "-m", "pty/saver", "-c",
                "--db", elsewhere.resolve("empty.db").toString());
        nothing.awaitScreen("no earlier conversation to continue; this is a new one");
        nothing.awaitPrompt(1);
        nothing.type("\u0004");
        assertEquals(0, nothing.waitFor(), nothing.screen());
    }

    @Test
    void aStoreThatCannotBeWrittenIsReportedOnceAndNeverCalledSaved() throws Exception {
        fake.script("pty/nostore", Reply.stream("an answer"), Reply.stream("another"));
        Path blocked = Files.createDirectories(dir.resolve("blocked.db")); // a directory: nobody, root included, opens it as a store
        Pty arena = Pty.start(dir, "chat", "--base-url", fake.baseUrl(), "-m", "pty/nostore", "--db", blocked.toString());
        arena.awaitPrompt(1);
        arena.type("Hello\r");
        arena.awaitScreen("an answer");
        arena.awaitPrompt(2);
        arena.type("Again\r");
        arena.awaitScreen("another");
        arena.awaitPrompt(3);
        arena.type("\u0004");
        int exit = arena.waitFor();
        String screen = arena.screen();
        assertEquals(1, exit, screen);
        assertTrue(screen.contains("arena: warning: the store could not keep this session: "), screen);
        assertEquals(1, screen.split("could not keep this session", -1).length - 1, "reported once: " + screen);
        assertTrue(screen.contains("arena: the store may lack part of conversation "), screen);
        assertFalse(screen.contains("saved as"), screen);
        assertFalse(screen.contains("could not keep this run"), "one warning, not two: " + screen);
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(d, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** bin/arena under {@code script -qec}, its keyboard a pipe, its screen collected. */
    private static final class Pty {
        private final Process process;
        private final String prompt;
        private final OutputStream keyboard;
        private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

        private Pty(Process process, String model) {
            this.process = process;
            this.prompt = model + "> ";
            this.keyboard = process.getOutputStream();
            Thread reader = new Thread(() -> copy(process.getInputStream()), "pty-screen");
            reader.setDaemon(true);
            reader.start();
        }

        static Pty start(Path dir, String... args) throws IOException {
            ProcessBuilder pb = PtyCommand.of(120, dir, args);
            pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
            pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
            int m = List.of(args).indexOf("-m");
            return new Pty(pb.start(), m < 0 ? "" : args[m + 1]);
        }

        void type(String keys) throws IOException {
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        }

        /** Waits (up to 60 s) until the screen, escape sequences removed, shows {@code text}. */
        void awaitScreen(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!screen().contains(text)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    Thread.sleep(200);
                    throw new AssertionError("the screen never showed '" + text + "':\n" + screen());
                }
                Thread.sleep(20);
            }
        }

        /** Waits until the prompt has been shown {@code times} times: arena is reading again. */
        void awaitPrompt(int times) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (screen().split(prompt, -1).length - 1 < times) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("prompt " + times + " never came:\n" + screen());
                }
                Thread.sleep(20);
            }
        }

        int waitFor() throws InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("arena did not leave after Ctrl-D:\n" + screen());
            }
            return process.exitValue();
        }

        String screen() {
            synchronized (screen) {
                return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "")
                        .replaceAll("\u001b[>=]", "").replace("\r", "");
            }
        }

        private void copy(InputStream in) {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    synchronized (screen) {
                        screen.write(buffer, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }
    }
}
