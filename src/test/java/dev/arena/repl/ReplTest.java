package dev.arena.repl;

import com.google.gson.JsonArray;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.RecordedRequest;
import dev.arena.fake.Reply;
import dev.arena.openrouter.ClientSettings;
import dev.arena.openrouter.OpenRouterClient;
import dev.arena.resilience.FallbackChain;
import dev.arena.resilience.Rate;
import dev.arena.resilience.RateLimits;
import dev.arena.resilience.RetryPolicy;
import dev.arena.store.ChatHistories;
import dev.arena.store.RequestRecorder;
import dev.arena.store.StoreReader;
import dev.arena.store.StoreWriter;
import dev.arena.text.Redactor;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interactive chat driven through a JLine dumb terminal with scripted keystrokes, against the fake OpenRouter. */
class ReplTest {

    /** Stands in for aliases and the catalogue check: "short" is m2, ids under unknown/ do not exist. */
    private static final UnaryOperator<String> ALIASES = id -> {
        if (id.startsWith("unknown/")) {
            throw new IllegalArgumentException("'" + id + "' is not a model of the server; did you mean m2?");
        }
        return id.equals("short") ? "m2" : id;
    };

    @TempDir
    Path dir;
    private FakeOpenRouter fake;
    private FallbackChain chain;
    private SessionStore store;
    private Path db;
    /** The store's writer of the chat being opened and run: one per run, as in arena. */
    private StoreWriter writer;
    private final List<String> warnings = new ArrayList<>();
    private ByteArrayOutputStream screen;
    private int exitCode;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        OpenRouterClient client = new OpenRouterClient(
                new ClientSettings(URI.create(fake.baseUrl()), "sk-or-v1-test", Duration.ofSeconds(5), line -> { }));
        chain = new FallbackChain(client, new RateLimits(Rate.parse("1000/s"), Map.of()), RetryPolicy.DEFAULT.withMaxRetries(0));
        store = new SessionStore(dir.resolve("state/arena"), dir.resolve("data/arena"), dir.resolve("state/arena/locks"));
        db = dir.resolve("data/arena/arena.db");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    // ---- helpers ----

    private Terminal terminal(String keys) throws Exception {
        screen = new ByteArrayOutputStream();
        return new DumbTerminal("test", "dumb", new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen,
                StandardCharsets.UTF_8);
    }

    private Repl repl(Terminal terminal) {
        return repl(terminal, true);
    }

    private Repl repl(Terminal terminal, boolean markdown) {
        FallbackChain recording = chain.recordingTo(new RequestRecorder(writer, Redactor.NONE));
        return new Repl(terminal, store, recording, Exception::getMessage, ALIASES, List::of, false, markdown, dir);
    }

    private StoredSessions sessions() {
        return new StoredSessions(store, db, dir.resolve("cache"), Redactor.NONE);
    }

    /** Opens a chat as arena does, with a writer of its own into the test's store. */
    private SessionStart open(SessionChoice choice, String model, Consumer<ChatSession> overrides) throws Exception {
        writer = new StoreWriter(db, dir.resolve("cache"), java.time.Duration.ZERO);
        return sessions().open(choice, new ChatSession(model), overrides, writer, warnings::add);
    }

    private SessionStart fresh(String model) throws Exception {
        return open(SessionChoice.fresh(), model, s -> { });
    }

    private SessionStart named(String name) throws Exception {
        return open(SessionChoice.named(name), "m", s -> { });
    }

    /** Types {@code keys} (end of input is Ctrl-D) into a new session with model {@code model}; returns the screen. */
    private String chat(String model, String keys) throws Exception {
        return chat(fresh(model), keys);
    }

    private String chat(SessionStart start, String keys) throws Exception {
        Terminal terminal = terminal(keys);
        exitCode = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> repl(terminal).run(start));
        return screen();
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private static List<String> roles(RecordedRequest request) {
        return messages(request).asList().stream()
                .map(m -> m.getAsJsonObject().get("role").getAsString() + ":" + m.getAsJsonObject().get("content").getAsString())
                .toList();
    }

    private static JsonArray messages(RecordedRequest request) {
        return request.json().getAsJsonArray("messages");
    }

    /** The session {@code name} as the store has it now. */
    private ChatSession saved(String name) throws Exception {
        try (StoreReader reader = StoreReader.open(db, dir.resolve("cache")).orElseThrow()) {
            return StoredSessions.session(ChatHistories.load(reader, ChatHistories.named(reader, name).orElseThrow().id()), "none");
        }
    }

    /** The chat conversation updated last, as the store has it now. */
    private ChatSession last() throws Exception {
        try (StoreReader reader = StoreReader.open(db, dir.resolve("cache")).orElseThrow()) {
            return StoredSessions.session(ChatHistories.load(reader, ChatHistories.last(reader).orElseThrow().id()), "none");
        }
    }

    // ---- conversation ----

    @Test
    void answersAreStyledAsMarkdownUnlessRaw() throws Exception {
        fake.script("m", Reply.stream("It is **bold** here\n"), Reply.stream("It is **bold** here\n"));
        String styled = chat("m", "q\n\u0004");
        assertTrue(styled.contains("It is bold here"), "markers taken away: " + styled);
        assertFalse(styled.contains("**"), styled);

        Terminal terminal = terminal("q\n\u0004");
        exitCode = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> repl(terminal, false).run(fresh("m")));
        assertTrue(screen().contains("It is **bold** here"), "--raw shows the text as it came: " + screen());
    }

    @Test
    void twoTurnsCarryTheContextAndCtrlDLeavesWithZero() throws Exception {
        fake.script("m", Reply.stream("Hi ", "there"), Reply.stream("Second"));
        String shown = chat("m", "hello\nand again\n\u0004");
        assertEquals(0, exitCode, shown);
        assertTrue(shown.contains("m> "), "the prompt names the model: " + shown);
        assertTrue(shown.contains("Hi there\n"), shown);
        assertTrue(shown.contains("m · 10 in, 2 out tokens"), "a usage line after each answer: " + shown);
        assertEquals(List.of("user:hello", "assistant:Hi there", "user:and again"), roles(fake.requestsFor("m").get(1)));
        assertFalse(shown.contains("Exception"), shown);
        assertEquals(4, last().entries().size(), "every answer is recorded");
        assertTrue(shown.contains("saved as conversation "), shown);
    }

    @Test
    void aTrailingBackslashContinuesTheLine() throws Exception {
        fake.script("m", Reply.stream("ok"));
        chat("m", "first line\\\nsecond line\n");
        assertEquals(List.of("user:first line\nsecond line"), roles(fake.requestsFor("m").get(0)));
    }

    @Test
    void altEnterInsertsANewlineWithoutSending() throws Exception {
        fake.script("m", Reply.stream("ok"));
        chat("m", "line one\u001b\rline two\r");
        assertEquals(List.of("user:line one\nline two"), roles(fake.requestsFor("m").get(0)));
    }

    @Test
    void twoSlashesSendALineThatBeginsWithOne() throws Exception {
        fake.script("m", Reply.stream("ok"));
        chat("m", "//etc/hosts is what?\n");
        assertEquals(List.of("user:/etc/hosts is what?"), roles(fake.requestsFor("m").get(0)));
    }

    @Test
    void modelOutputIsSanitised() throws Exception {
        fake.script("m", Reply.stream("safe \u001b]52;c;ZXZpbA==\u0007", "\u001b[2Jtext"));
        String shown = chat("m", "hi\n");
        assertTrue(shown.contains("safe text"), shown);
        assertFalse(shown.contains("\u001b"), shown);
    }

    @Test
    void historyIsKeptInTheStateDirectory() throws Exception {
        fake.script("m", Reply.stream("ok"));
        chat("m", "remember me\n");
        String history = Files.readString(store.historyFile());
        assertTrue(history.contains("remember me"), history);
        assertEquals(dir.resolve("state/arena/history"), store.historyFile());
        if (Files.getFileStore(store.historyFile()).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(store.historyFile())), "every prompt typed is in there");
        }
    }

    @Test
    void anUnusedNewSessionLeavesNothing() throws Exception {
        String shown = chat("m", "/model m2\n/system S\n");
        assertEquals(0, exitCode);
        assertFalse(Files.exists(db), "nothing to keep, no store made");
        assertFalse(shown.contains("saved as"), shown);
    }

    // ---- slash commands ----

    @Test
    void modelSystemAndTemperatureApplyToTheNextRequest() throws Exception {
        fake.script("m2", Reply.stream("short"));
        String shown = chat("m", "/model m2\n/system Be brief\n/temperature 0.3\nquestion\n");
        assertTrue(shown.contains("m2> "), "the prompt follows the model: " + shown);
        RecordedRequest sent = fake.requestsFor("m2").get(0);
        assertEquals(List.of("system:Be brief", "user:question"), roles(sent));
        assertEquals(0.3, sent.json().get("temperature").getAsDouble());
        assertTrue(fake.requestsFor("m").isEmpty());
    }

    @Test
    void modelTakesAliasesAndRefusesUnknownIds() throws Exception {
        fake.script("m2", Reply.stream("via alias"));
        String shown = chat("m", "/model unknown/x\n/model short\nquestion\n");
        assertTrue(shown.contains("/model: 'unknown/x' is not a model of the server; did you mean m2?"), shown);
        assertTrue(shown.contains("model: m2"), "the alias resolved: " + shown);
        assertEquals(1, fake.requestsFor("m2").size());
        assertTrue(fake.requestsFor("unknown/x").isEmpty());
    }

    @Test
    void temperatureTakesWhatTheOptionTakes() throws Exception {
        fake.script("m", Reply.stream("ok"));
        String shown = chat("m", "/temperature NaN\n/temperature 0x1p1\n/temperature 3\nquestion\n");
        assertTrue(shown.contains("/temperature: 'NaN' is not a decimal number such as 0.7"), shown);
        assertTrue(shown.contains("/temperature: '0x1p1' is not a decimal number such as 0.7"), shown);
        assertTrue(shown.contains("/temperature: '3' must be between 0 and 2"), shown);
        assertNull(fake.requestsFor("m").get(0).json().get("temperature"), "no bad value was sent");
    }

    @Test
    void fallbackModelsTakeOverAndTheSwitchIsShown() throws Exception {
        fake.script("m", Reply.errorMessage(503, "overloaded"));
        fake.script("backup", Reply.stream("from backup"));
        String shown = chat("m", "/fallback backup\nq\n");
        assertTrue(shown.contains("falling back to backup"), shown);
        assertTrue(shown.contains("from backup"), shown);
    }

    @Test
    void clearForgetsTheConversationButKeepsSettings() throws Exception {
        fake.script("m", Reply.stream("one"), Reply.stream("two"));
        chat("m", "/system S\nfirst\n/clear\nsecond\n");
        assertEquals(List.of("system:S", "user:second"), roles(fake.requestsFor("m").get(1)));
    }

    @Test
    void usageAddsUpTheSession() throws Exception {
        fake.script("m", Reply.stream("a", "b"), Reply.stream("c"));
        String shown = chat("m", "x\ny\n/usage\n");
        assertTrue(shown.contains("this session: 2 answers · 20 in, 3 out tokens · $0.000023;"
                + " the conversation now: 4 messages, 2 answers · $0.000023"), shown);
    }

    @Test
    void clearEmptiesTheContextButNotTheBill() throws Exception {
        fake.script("m", Reply.stream("a", "b"), Reply.stream("c"));
        String shown = chat("m", "x\n/clear\n/usage\ny\n/usage\n");
        assertTrue(shown.contains("this session: 1 answer · 10 in, 2 out tokens · $0.000012;"
                + " the conversation now: 0 messages, 0 answers · cost unknown"), shown);
        assertTrue(shown.contains("this session: 2 answers · 20 in, 3 out tokens · $0.000023;"
                + " the conversation now: 2 messages, 1 answer · $0.000011"), shown);
    }

    @Test
    void loadAddsTheLoadedConversationsUsageToTheBill() throws Exception {
        Path file = dir.resolve("earlier.json");
        ChatSession earlier = new ChatSession("m");
        earlier.add(ChatSession.Entry.user("q"));
        earlier.add(ChatSession.Entry.assistant("a", "m", false));
        earlier.restoreUsage(1, 100, 50, 0.25);
        SessionStore.write(file, earlier);
        fake.script("m", Reply.stream("c"));
        String shown = chat("m", "x\n/load " + file + "\n/usage\n");
        assertTrue(shown.contains("this session: 2 answers · 110 in, 51 out tokens · $0.2500;"
                + " the conversation now: 2 messages, 1 answer · $0.2500"), shown);
        assertEquals(1, SessionStore.read(file).answers(), "what was loaded is not changed");
    }

    @Test
    void aResumedConversationsBillStartsWithWhatItCost() throws Exception {
        fake.script("m", Reply.stream("a"));
        chat(named("work"), "x\n");
        String shown = chat(named("work"), "/clear\n/usage\n");
        assertTrue(shown.contains("this session: 1 answer · 10 in, 1 out tokens · $0.000011;"
                + " the conversation now: 0 messages, 0 answers"), shown);
    }

    @Test
    void retryDropsTheLastAnswerAndAsksAnotherModel() throws Exception {
        fake.script("m", Reply.stream("meh"));
        fake.script("better", Reply.stream("good"));
        chat("m", "q\n/retry better\n");
        assertEquals(List.of("user:q"), roles(fake.requestsFor("better").get(0)));
        List<ChatSession.Entry> entries = last().entries();
        assertEquals(List.of(ChatSession.Entry.user("q"), ChatSession.Entry.assistant("good", "better", false)), entries);
        assertEquals("m", last().model(), "a retry with another model does not switch the session");
    }

    @Test
    void unknownCommandsGetAOneLineHint() throws Exception {
        String shown = chat("m", "/foo bar\n/help\n");
        assertTrue(shown.contains("unknown command /foo; /help lists them"), shown);
        assertTrue(shown.contains("/retry [MODEL]"), shown);
        assertTrue(shown.contains("Alt-Enter"), shown);
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void exitLeavesWithZero() throws Exception {
        chat("m", "/exit\nnever sent\n");
        assertEquals(0, exitCode);
        assertTrue(fake.requests().isEmpty());
    }

    @Test
    void saveAndLoadRoundTripInMarkdownAndJson() throws Exception {
        fake.script("m", Reply.stream("Answer ", "one"));
        chat("m", "/system Sys\nQuestion one\n/save " + dir.resolve("c.md") + "\n/save " + dir.resolve("c.json") + "\n");
        String md = Files.readString(dir.resolve("c.md"));
        assertTrue(md.contains("## You\n\nQuestion one\n"), md);
        for (String file : List.of("c.md", "c.json")) {
            fake.script("other", Reply.stream("next"));
            chat("other", "/load " + dir.resolve(file) + "\nQuestion two\n");
            List<RecordedRequest> sent = fake.requestsFor("m");
            assertEquals(List.of("system:Sys", "user:Question one", "assistant:Answer one", "user:Question two"),
                    roles(sent.get(sent.size() - 1)), file);
        }
    }

    // ---- failures ----

    @Test
    void aFailedRequestIsReportedAndTheSessionGoesOn() throws Exception {
        fake.script("m", Reply.errorMessage(500, "boom"), Reply.stream("works"));
        String shown = chat("m", "first\n/retry\n");
        assertTrue(shown.contains("arena: m failed: "), shown);
        assertTrue(shown.contains("works"), shown);
        assertEquals(List.of("user:first"), roles(fake.requestsFor("m").get(1)));
    }

    @Test
    void aRefusedKeyIsReportedWithoutEndingTheSession() throws Exception {
        fake.script("m", Reply.errorMessage(401, "No auth credentials found"));
        String shown = chat("m", "first\n/usage\n");
        assertTrue(shown.contains("arena: "), shown);
        assertTrue(shown.contains("this session: 0 answers"), "still at the prompt: " + shown);
        assertEquals(0, exitCode);
    }

    @Test
    void ctrlCWhileStreamingCutsTheAnswerKeepsItAndReturnsToThePrompt() throws Exception {
        fake.script("m", Reply.stream("partial ", "never").stallAfter(1), Reply.stream("fine"));
        Terminal terminal = terminal("q\nnext\n");
        SessionStart start = fresh("m");
        AtomicInteger code = new AtomicInteger(-1);
        Thread session = new Thread(() -> code.set(repl(terminal).run(start)));
        session.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!screen().contains("partial")) {
            assertTrue(System.nanoTime() < deadline, "the first token never arrived: " + screen());
            Thread.sleep(10);
        }
        terminal.raise(Terminal.Signal.INT);
        session.join(Duration.ofSeconds(10).toMillis());
        assertFalse(session.isAlive(), "the session did not go on after Ctrl-C: " + screen());
        assertEquals(0, code.get());
        String shown = screen();
        // On the screen a space at the end of a line is held back by the word wrap and never shown.
        assertTrue(shown.contains("partial\n[answer cut]"), shown);
        assertTrue(shown.contains("fine"), "the next prompt works: " + shown);
        assertEquals(List.of("user:q", "assistant:partial ", "user:next"), roles(fake.requestsFor("m").get(1)));
        ChatSession.Entry cut = last().entries().get(1);
        assertTrue(cut.cut(), "kept, marked cut: " + cut);
        assertFalse(shown.contains("Exception"), shown);
    }

    @Test
    void ctrlCAtThePromptClearsTheLine() throws Exception {
        fake.script("m", Reply.stream("ok"));
        PipedOutputStream keyboard = new PipedOutputStream();
        screen = new ByteArrayOutputStream();
        Terminal terminal = new DumbTerminal("test", "dumb", new PipedInputStream(keyboard), screen, StandardCharsets.UTF_8);
        SessionStart start = fresh("m");
        AtomicInteger code = new AtomicInteger(-1);
        Thread session = new Thread(() -> code.set(repl(terminal).run(start)));
        session.start();
        keyboard.write("typed but".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        Thread.sleep(300); // the reader has taken the keys and waits for more
        terminal.raise(Terminal.Signal.INT);
        Thread.sleep(100);
        keyboard.write("second\n".getBytes(StandardCharsets.UTF_8));
        keyboard.close();
        session.join(Duration.ofSeconds(10).toMillis());
        assertFalse(session.isAlive(), screen());
        assertEquals(List.of("user:second"), roles(fake.requestsFor("m").get(0)), screen());
        assertEquals(0, code.get());
        assertFalse(screen().contains("Exception"), screen());
    }

    // ---- sessions ----

    @Test
    void aNamedSessionIsCreatedThenResumedAndContinueFindsTheLastOne() throws Exception {
        fake.script("m", Reply.stream("one"), Reply.stream("two"), Reply.stream("three"));
        String empty = chat(named("work"), "");
        assertTrue(empty.contains("saved as session work; arena chat --session work resumes it"), empty);
        assertEquals(0, saved("work").entries().size(), "created at once when named");
        chat(named("work"), "first\n");

        SessionStart resumed = open(SessionChoice.named("work"), "ignored", s -> { });
        assertTrue(resumed.resumed());
        String shown = chat(resumed, "second\n");
        assertTrue(shown.contains("resumed session work (2 messages, model m)"), shown);
        assertEquals(List.of("user:first", "assistant:one", "user:second"), roles(fake.requestsFor("m").get(1)));

        SessionStart last = open(SessionChoice.last(), "ignored", s -> s.setTemperature(1.0));
        assertEquals("work", last.kept().name());
        chat(last, "third\n");
        RecordedRequest third = fake.requestsFor("m").get(2);
        assertEquals(5, messages(third).size());
        assertEquals(1.0, third.json().get("temperature").getAsDouble(), "explicit options apply to a resumed session");
        assertEquals(1.0, saved("work").temperature(), "and stay with it");
        assertEquals(List.of(), warnings);
    }

    @Test
    void settingsChangedInTheChatAreKeptWithTheSession() throws Exception {
        chat(named("work"), "/model m2\n/system Be brief\n/temperature 0.3\n/fallback backup\n");
        ChatSession kept = saved("work");
        assertEquals("m2", kept.model());
        assertEquals("Be brief", kept.system());
        assertEquals(0.3, kept.temperature());
        assertEquals(List.of("backup"), kept.fallbacks());
        fake.script("m2", Reply.stream("ok"));
        chat(named("work"), "q\n");
        RecordedRequest sent = fake.requestsFor("m2").get(0);
        assertEquals(List.of("system:Be brief", "user:q"), roles(sent));
        assertEquals(0.3, sent.json().get("temperature").getAsDouble());
    }

    @Test
    void clearAndLoadStartTheStoredHistoryAgain() throws Exception {
        fake.script("m", Reply.stream("one"), Reply.stream("two"), Reply.stream("three"));
        chat(named("work"), "first\n/clear\n");
        assertEquals(List.of(), saved("work").entries(), "cleared, though no request followed");
        Path file = dir.resolve("other.json");
        ChatSession other = new ChatSession("m");
        other.add(ChatSession.Entry.user("from the file"));
        other.add(ChatSession.Entry.assistant("its answer", "x/y", true));
        SessionStore.write(file, other);
        chat(named("work"), "/load " + file + "\n");
        assertEquals(List.of(ChatSession.Entry.user("from the file"), ChatSession.Entry.assistant("its answer", "x/y", true)),
                saved("work").entries());
        chat(named("work"), "next\n");
        assertEquals(List.of("user:from the file", "assistant:its answer", "user:next"), roles(fake.requestsFor("m").get(1)));
    }

    @Test
    void aLastRequestThatFailedLeavesItsPromptOutOfTheHistory() throws Exception {
        fake.script("m", Reply.stream("one"), Reply.errorMessage(500, "boom"), Reply.stream("two"));
        String shown = chat(named("work"), "first\nsecond\n");
        assertTrue(shown.contains("arena: m failed: "), shown);
        assertEquals(List.of(ChatSession.Entry.user("first"), ChatSession.Entry.assistant("one", "m", false)),
                saved("work").entries(), "what the next chat goes on from");
        chat(named("work"), "third\n");
        assertEquals(List.of("user:first", "assistant:one", "user:third"), roles(fake.requestsFor("m").get(2)));
    }

    @Test
    void continueWithNothingToContinueIsSaidInOneSentence() {
        NothingToContinueException e = assertThrows(NothingToContinueException.class,
                () -> open(SessionChoice.last(), "m", s -> { }));
        assertEquals("no conversation to continue yet (start one: arena chat \"...\")", e.getMessage());
        assertFalse(Files.exists(db), "reading made no store");
    }

    @Test
    void theStoreFollowsXdgAndIgnoresRelativePaths() {
        Path home = Path.of("/home/u");
        SessionStore defaults = SessionStore.fromEnvironment(Map.of(), home);
        assertEquals(Path.of("/home/u/.local/state/arena/history"), defaults.historyFile());
        assertEquals(Path.of("/home/u/.local/share/arena/sessions"), defaults.sessionsDir());
        SessionStore xdg = SessionStore.fromEnvironment(Map.of("XDG_STATE_HOME", "/s", "XDG_DATA_HOME", "rel"), home);
        assertEquals(Path.of("/s/arena/history"), xdg.historyFile());
        assertEquals(Path.of("/home/u/.local/share/arena/sessions"), xdg.sessionsDir());
        assertEquals(Path.of("/h"), SessionStore.home(Map.of("HOME", "/h")));
    }

    @Test
    void sessionsNoLongerWriteFiles() throws Exception {
        fake.script("m", Reply.stream("ok"));
        chat(named("work"), "a\n");
        assertFalse(Files.exists(store.sessionsDir()), "the session is in the store");
        assertFalse(Files.exists(store.lastSessionFile()));
        assertEquals(2, saved("work").entries().size());
    }

    // ---- /save never replaces a file silently, never makes directories ----

    @Test
    void saveOntoAnExistingFileOnADumbTerminalRefusesAndNamesSaveBang() throws Exception {
        Path existing = Files.writeString(dir.resolve("keep.md"), "mine\n");
        String shown = chat("m", "/system S\n/save " + existing + "\n");
        assertTrue(shown.contains("arena: /save: " + existing + " exists; /save! " + existing + " replaces it"), shown);
        assertEquals("mine\n", Files.readString(existing));
    }

    @Test
    void saveBangReplacesAnExistingFile() throws Exception {
        Path existing = Files.writeString(dir.resolve("keep.json"), "mine\n");
        String shown = chat("m", "/system S\n/save! " + existing + "\n");
        assertTrue(shown.contains("saved 0 messages to " + existing + " (JSON)"), shown);
        assertEquals("S", SessionStore.read(existing).system());
    }

    @Test
    void saveAsksOnATerminalThatCanAsk() throws Exception {
        Path existing = Files.writeString(dir.resolve("ask.json"), "mine\n");
        String no = chatOnXterm("/system S\n/save " + existing + "\nn\n");
        assertTrue(no.contains(existing + " exists; replace it? [y/N]"), no);
        assertTrue(no.contains("not saved; /save! " + existing + " replaces it without asking"), no);
        assertEquals("mine\n", Files.readString(existing));
        String yes = chatOnXterm("/system S\n/save " + existing + "\nyes\n");
        assertTrue(yes.contains("saved 0 messages to " + existing), yes);
        assertEquals("S", SessionStore.read(existing).system());
        String history = Files.readString(store.historyFile());
        assertTrue(history.contains("/save " + existing), history);
        assertFalse(history.lines().anyMatch(l -> l.endsWith(":yes") || l.endsWith(":n")), "answers stay out: " + history);
    }

    @Test
    void saveNeverMakesDirectories() throws Exception {
        Path missing = dir.resolve("no/such/dir/chat.md");
        String shown = chat("m", "/save " + missing + "\n/save! " + missing + "\n");
        assertTrue(shown.contains("arena: cannot save to " + missing + ": the directory " + missing.getParent()
                + " does not exist"), shown);
        assertFalse(Files.exists(dir.resolve("no")), "nothing made");
    }

    @Test
    void saveWhereNoFileCanBeMadeNamesTheDirectoryNotATemporaryFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
        String shown = chat("m", "/system S\n/save /proc/x.json\n");
        assertTrue(shown.contains("arena: cannot save to /proc/x.json: no file can be made in /proc\n"), shown);
        assertFalse(shown.contains(".tmp"), shown);
    }

    @Test
    void loadOfAMissingFileSaysItDoesNotExist() throws Exception {
        Path missing = dir.resolve("missing.json");
        String shown = chat("m", "/load " + missing + "\n");
        assertTrue(shown.contains("arena: cannot read " + missing + ": " + missing + " does not exist"), shown);
    }

    @Test
    void saveRefusesWhatIsNotARegularFile() throws Exception {
        Path target = Files.writeString(dir.resolve("target.json"), "mine\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
        String shown = chat("m", "/save! " + link + "\n");
        assertTrue(shown.contains("arena: cannot save to " + link + ": " + link + " is a symbolic link"), shown);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("mine\n", Files.readString(target));
    }

    @Test
    void helpAndCompletionKnowSaveBang() throws Exception {
        String shown = chat("m", "/help\n");
        assertTrue(shown.contains("/save! FILE"), shown);
        List<org.jline.reader.Candidate> candidates = new java.util.ArrayList<>();
        new SlashCommands(List::of).complete(null, new ContinuationParser().parse("/sa", 3), candidates);
        assertEquals(List.of("/save", "/save!"), candidates.stream().map(org.jline.reader.Candidate::value)
                .filter(v -> v.startsWith("/sa")).toList());
        candidates.clear();
        new SlashCommands(List::of).complete(null, new ContinuationParser().parse("/save! " + dir + "/", dir.toString().length() + 8), candidates);
        assertFalse(candidates.isEmpty(), "file names after /save!");
    }

    // ---- every file read has a bound; newer sessions are refused ----

    @Test
    void loadOfAFileOverItsLimitIsRefusedAndTheSessionGoesOn() throws Exception {
        String shown = chat("m", "/load /dev/zero\n/usage\n");
        assertTrue(shown.contains("arena: cannot read /dev/zero: /dev/zero is larger than 16 MiB"), shown);
        assertTrue(shown.contains("this session: 0 answers"), "the session goes on: " + shown);
    }

    @Test
    void loadOfASessionFromANewerArenaIsRefused() throws Exception {
        String newer = "{\"format\":\"arena-chat\",\"version\":2,\"model\":\"m\",\"messages\":[],\"future\":true}\n";
        Path copy = Files.writeString(dir.resolve("future.json"), newer);
        String shown = chat("m", "/load " + copy + "\n/model\n");
        assertTrue(shown.contains("/load: " + copy + ": written by a newer arena"), shown);
        assertTrue(shown.contains("model: m;"), "the session is as it was: " + shown);
        assertEquals(newer, Files.readString(copy));
    }

    // ---- the history is kept only in a regular file ----

    @Test
    void aHistoryThatIsNotARegularFileIsLeftAloneWithAWarning() throws Exception {
        Files.createDirectories(store.historyFile().getParent());
        Path target = Files.writeString(dir.resolve("elsewhere"), "precious\n");
        Files.createSymbolicLink(store.historyFile(), target);
        assertHistoryRefused("is a symbolic link, not a regular file");
        assertTrue(Files.isSymbolicLink(store.historyFile()));
        assertEquals("precious\n", Files.readString(target));

        Files.delete(store.historyFile());
        Files.createDirectory(store.historyFile());
        assertHistoryRefused("is a directory, not a regular file");
        assertTrue(Files.isDirectory(store.historyFile(), LinkOption.NOFOLLOW_LINKS));

        Files.delete(store.historyFile());
        Process mkfifo = new ProcessBuilder("mkfifo", store.historyFile().toString()).start();
        assertEquals(0, mkfifo.waitFor());
        assertHistoryRefused("is a FIFO, socket or device, not a regular file"); // and it did not block on the FIFO
        assertFalse(Files.isRegularFile(store.historyFile()));
    }

    @Test
    void aHistoryOverItsLimitIsLeftAloneWithAWarning() throws Exception {
        Files.createDirectories(store.historyFile().getParent());
        byte[] big = new byte[SessionStore.HISTORY_LIMIT + 1];
        java.util.Arrays.fill(big, (byte) 'h');
        Files.write(store.historyFile(), big);
        assertHistoryRefused("is larger than 16 MiB");
        assertEquals(big.length, Files.size(store.historyFile()));
    }

    private void assertHistoryRefused(String why) throws Exception {
        fake.script("m", Reply.stream("still answers"));
        String shown = chat("m", "typed\n");
        assertTrue(shown.contains("arena: warning: the input history " + store.historyFile() + " " + why
                + "; this session's input is kept only until it ends"), shown);
        assertTrue(shown.contains("still answers"), "the REPL goes on: " + shown);
    }

    // ---- one REPL per session; a store that fails is never called saved ----

    @Test
    void aSecondReplOnTheSameSessionIsRefusedUntilTheFirstEnds() throws Exception {
        SessionStart first = named("work");
        SessionBusyException busy = assertThrows(SessionBusyException.class, () -> named("work"));
        assertEquals("session work is open in another arena chat (pid " + ProcessHandle.current().pid()
                + "); leave that one first, or choose another --session", busy.getMessage());
        chat(first, "");
        try (SessionStart again = named("work")) {
            assertThrows(SessionBusyException.class, () -> open(SessionChoice.last(), "m", s -> { }),
                    "-c onto the open session is refused too");
        }
        named("work").close();
    }

    @Test
    void aConversationWithoutANameIsLockedByItsId() throws Exception {
        fake.script("m", Reply.stream("ok"));
        SessionStart start = fresh("m");
        chat(start, "hi\n");
        try (SessionStart continued = open(SessionChoice.last(), "m", s -> { })) {
            assertEquals(start.kept().id(), continued.kept().id());
            SessionBusyException busy = assertThrows(SessionBusyException.class,
                    () -> open(SessionChoice.id(start.kept().id().substring(0, 8)), "m", s -> { }));
            assertEquals("conversation " + start.kept().id() + " is open in another arena chat (pid "
                    + ProcessHandle.current().pid() + "); leave that one first, or choose another --session", busy.getMessage());
        }
    }

    @Test
    void aStoreThatCannotBeWrittenIsOneWarningAndTheChatGoesOn() throws Exception {
        Files.createDirectories(db); // a directory where the store's file should be: as root too, nothing can open it
        fake.script("m", Reply.stream("one"), Reply.stream("two"));
        String shown = chat("m", "first\nsecond\n/usage\n");
        assertEquals(1, exitCode, shown);
        assertTrue(shown.contains("two"), "the chat went on: " + shown);
        assertTrue(shown.contains("this session: 2 answers"), shown);
        assertEquals(1, shown.split("arena: warning: the store could not keep this session: ", -1).length - 1,
                "reported once, not at every message: " + shown);
        assertTrue(shown.contains("; the chat goes on, and /save FILE keeps a copy"), shown);
        assertTrue(shown.contains("the store could not keep this session: the store " + db
                + " is a directory, not a database file;"), "the warning says why: " + shown);
        assertTrue(shown.contains("arena: the store may lack part of conversation "), shown);
        assertFalse(shown.contains("saved as"), shown);
    }

    @Test
    void withLoggingOffTheChatSaysItIsNotKept() throws Exception {
        fake.script("m", Reply.stream("ok"));
        SessionStart start = sessions().open(SessionChoice.fresh(), new ChatSession("m"), s -> { }, StoreWriter.DISABLED,
                warnings::add);
        writer = StoreWriter.DISABLED;
        String shown = chat(start, "hi\n");
        assertEquals(0, exitCode, shown);
        assertTrue(shown.contains("logging is off, so this chat is not kept in the store; /save FILE keeps a copy"), shown);
        assertFalse(shown.contains("saved as"), shown);
        assertFalse(Files.exists(db));
    }

    /** Runs a new session on a terminal that is not dumb (xterm over streams), so that /save can ask. */
    private String chatOnXterm(String keys) throws Exception {
        screen = new ByteArrayOutputStream();
        Terminal terminal = new ExternalTerminal("test", "xterm", new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
                screen, StandardCharsets.UTF_8);
        SessionStart start = fresh("m");
        exitCode = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> repl(terminal).run(start));
        return screen().replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace("\r", "");
    }
}
