package dev.arena.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.Main;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import dev.arena.files.ArenaDirectories;
import dev.arena.files.WriteLock;
import dev.arena.output.FailingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * chat, debate and models with stdout, stderr or the transcript failing: only a closed stdout
 * ends quietly; every other failed write is exit 1 and one sentence saying where the text is.
 * And --out never overwrites a file silently, nor one another arena is writing.
 */
class WriteFailuresTest {

    private static final String NO_SPACE = "no space left on device";

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        fake.script("w/pro", Reply.stream("Pro argues ", "at some length."), Reply.stream("Pro closes."));
        fake.script("w/con", Reply.stream("Con replies."), Reply.stream("Con closes."));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    /** What arena wrote to stderr, and its exit code. */
    private record Run(int exitCode, String err) {
    }

    private Run run(OutputStream out, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return run(out, err, args);
    }

    private Run run(OutputStream out, OutputStream err, String... args) {
        List<String> all = new ArrayList<>(List.of(args[0], "--base-url", fake.baseUrl()));
        all.addAll(List.of(args).subList(1, args.length));
        Stdio stdio = new Stdio(new ByteArrayInputStream(new byte[0]), out, err, true, false, false, env);
        int code = Main.run(stdio, all.toArray(String[]::new));
        return new Run(code, err instanceof ByteArrayOutputStream bytes ? bytes.toString(StandardCharsets.UTF_8) : "");
    }

    private Run debate(OutputStream out, String... args) {
        List<String> all = new ArrayList<>(List.of("debate", "--pro", "w/pro", "--con", "w/con", "--rounds", "2"));
        all.addAll(List.of(args));
        all.add("Topic");
        return run(out, all.toArray(String[]::new));
    }

    private static JsonObject lastEvent(Path jsonl) throws IOException {
        List<String> lines = Files.readAllLines(jsonl);
        return JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.get(lines.size() - 1);
    }

    // ---- chat

    @Test
    void chatOnAFullDiskExits1WithOneSentence() {
        fake.script("w/chat", Reply.stream("hello ", "world"));
        FailingStream out = FailingStream.diskFullAfter(3);
        Run r = run(out, "chat", "-m", "w/chat", "hi");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("arena: cannot write to stdout (" + NO_SPACE + "); the answer was stopped, and no copy of it was kept\n",
                r.err());
    }

    @Test
    void chatJsonOnAFullDiskExits1WithOneSentence() {
        fake.script("w/chat", Reply.stream("hello ", "world"));
        Run r = run(FailingStream.diskFullAfter(10), "chat", "--json", "-m", "w/chat", "hi");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("arena: cannot write to stdout (" + NO_SPACE + "); the answer was stopped, and no copy of it was kept\n",
                r.err());
    }

    @Test
    void chatOnAClosedPipeEndsQuietly() {
        fake.script("w/chat", Reply.stream("hello ", "world"));
        FailingStream out = FailingStream.brokenPipeAfter(3);
        Run r = run(out, "chat", "-q", "-m", "w/chat", "hi");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void chatWithStderrFullTooHasNowhereToSayItButStillExits1() {
        fake.script("w/chat", Reply.stream("hello ", "world"));
        FailingStream err = FailingStream.diskFullAfter(0);
        Run r = run(FailingStream.diskFullAfter(3), err, "chat", "-m", "w/chat", "hi");
        assertEquals(1, r.exitCode());
        assertEquals("", err.text());
    }

    // ---- models

    @Test
    void modelsOnAFullDiskExits1AndOnAClosedPipe0() {
        fake.script("w/listed", Reply.stream("x"));
        Run full = run(FailingStream.diskFullAfter(2), "models");
        assertEquals(1, full.exitCode(), full.err());
        assertEquals("arena: cannot write to stdout (" + NO_SPACE + "); what was written is incomplete\n", full.err());
        Run closed = run(FailingStream.brokenPipeAfter(2), "models");
        assertEquals(0, closed.exitCode(), closed.err());
        Run show = run(FailingStream.diskFullAfter(2), "models", "show", "w/listed");
        assertEquals(1, show.exitCode(), show.err());
        assertTrue(show.err().startsWith("arena: cannot write to stdout (" + NO_SPACE + ")"), show.err());
    }

    // ---- debate: stdout fails

    @Test
    void debateOnAFullStdoutWithoutATranscriptSaysNoCopyWasKept() {
        Run r = debate(FailingStream.diskFullAfter(100));
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("arena: cannot write to stdout (" + NO_SPACE + "); the debate stopped, and no copy was kept"
                + " (--out FILE keeps one)\n", r.err());
        assertTrue(fake.requestsFor("w/con").isEmpty(), "stopped at once, not after the whole debate");
    }

    @Test
    void debateOnAFullStdoutPointsToTheTranscriptWhichSaysWhy() throws IOException {
        Path jsonl = dir.resolve("d.jsonl");
        Run r = debate(FailingStream.diskFullAfter(100), "--out", jsonl.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("arena: cannot write to stdout (" + NO_SPACE + "); the debate stopped; the transcript so far is in "
                + jsonl + "\n", r.err());
        JsonObject end = lastEvent(jsonl);
        assertEquals("write_failed", end.get("outcome").getAsString());
        assertEquals("cannot write to stdout (" + NO_SPACE + ")", end.get("reason").getAsString());
        String summary = Files.readAllLines(jsonl).stream().filter(l -> l.contains("\"type\":\"summary\"")).findFirst().orElseThrow();
        assertTrue(summary.contains("\"stop_reason\":\"cannot write to stdout (" + NO_SPACE + ")\""),
                "one failure, one sentence, in the summary as in the end record: " + summary);
    }

    /** | head: quiet, exit 0, and the transcript (still writable) records output_closed, never "complete". */
    @ParameterizedTest
    @ValueSource(strings = {"md", "jsonl", "json"})
    void aClosedStdoutStillEndsTheTranscript(String format) throws IOException {
        Path out = dir.resolve("d." + format);
        Run r = debate(FailingStream.brokenPipeAfter(120), "-q", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        String text = Files.readString(out);
        switch (format) {
            case "md" -> {
                assertEquals("*Outcome: output_closed — the reader of stdout went away*", lastLine(text));
                assertTrue(text.contains("**The debate stopped early:** output closed"), text);
            }
            case "jsonl" -> {
                assertEquals("output_closed", lastEvent(out).get("outcome").getAsString());
                assertTrue(text.contains("\"complete\":false"), text);
            }
            default -> {
                JsonObject doc = JsonParser.parseString(text).getAsJsonObject();
                assertEquals("output_closed", doc.get("outcome").getAsString());
                assertFalse(doc.getAsJsonObject("summary").get("complete").getAsBoolean(), text);
            }
        }
    }

    /** stderr full as well: nowhere to say it, but the run still ends through its own path and the transcript says why. */
    @Test
    void debateWithStdoutAndStderrFullStillRecordsWhy() throws IOException {
        Path jsonl = dir.resolve("d.jsonl");
        FailingStream err = FailingStream.diskFullAfter(0);
        Run r = run(FailingStream.diskFullAfter(100), err, "debate", "--pro", "w/pro", "--con", "w/con",
                "--out", jsonl.toString(), "Topic");
        assertEquals(1, r.exitCode());
        assertEquals("", err.text());
        assertEquals("cannot write to stdout (" + NO_SPACE + ")", lastEvent(jsonl).get("reason").getAsString());
    }

    /** A notice that cannot reach stderr stops the debate too, and the transcript names stderr. */
    @Test
    void aNoticeThatCannotReachStderrStopsTheDebate() throws IOException {
        fake.script("w/flaky", Reply.errorMessage(503, "busy"), Reply.stream("Con, later."));
        Path jsonl = dir.resolve("d.jsonl");
        Run r = run(new ByteArrayOutputStream(), FailingStream.diskFullAfter(0), "debate", "--pro", "w/pro",
                "--con", "w/flaky", "--retries", "1", "--out", jsonl.toString(), "Topic");
        assertEquals(1, r.exitCode());
        JsonObject end = lastEvent(jsonl);
        assertEquals("write_failed", end.get("outcome").getAsString());
        assertEquals("cannot write to stderr (" + NO_SPACE + ")", end.get("reason").getAsString());
    }

    // ---- debate: the transcript fails

    @Test
    void aTranscriptOnAFullDeviceExits1AndStdoutHasEverything() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Run r = debate(out, "--out", "/dev/full", "--format", "md");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("arena: cannot write the transcript /dev/full (" + NO_SPACE + "); the debate stopped, and stdout"
                + " has everything received so far\n", r.err());
        assertEquals("*Outcome: write_failed — cannot write the transcript /dev/full (" + NO_SPACE + ")*",
                lastLine(out.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void aFailedTurnIsRecordedAsFailed() throws IOException {
        fake.script("w/bad", Reply.errorMessage(400, "no such thing"));
        Path jsonl = dir.resolve("d.jsonl");
        Run r = run(new ByteArrayOutputStream(), "debate", "--pro", "w/pro", "--con", "w/bad", "--no-validate",
                "--retries", "0", "--out", jsonl.toString(), "Topic");
        assertEquals(1, r.exitCode(), r.err());
        JsonObject end = lastEvent(jsonl);
        assertEquals("failed", end.get("outcome").getAsString());
        assertTrue(end.get("reason").getAsString().startsWith("the debate stopped: round 1, Con: "), end.toString());
    }

    @Test
    void aCompleteDebateSaysSoLast() throws IOException {
        Path json = dir.resolve("d.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Run r = debate(out, "--out", json.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("complete", JsonParser.parseString(Files.readString(json)).getAsJsonObject().get("outcome").getAsString());
        assertEquals("*Outcome: complete*", lastLine(out.toString(StandardCharsets.UTF_8)));
    }

    // ---- --out onto what is already there

    @Test
    void anExistingTranscriptIsNotOverwrittenWithoutForce() throws IOException {
        Path md = Files.writeString(dir.resolve("d.md"), "last week's debate\n");
        Run refused = debate(new ByteArrayOutputStream(), "--out", md.toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals("arena: " + md + " already exists and is not empty; add --force to overwrite it, or choose another file\n",
                refused.err());
        assertEquals("last week's debate\n", Files.readString(md));
        assertTrue(fake.requestsFor("w/pro").isEmpty(), "nothing was sent");
        Run forced = debate(new ByteArrayOutputStream(), "--out", md.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(md).startsWith("# Debate: Topic"), Files.readString(md));
    }

    @ParameterizedTest
    @ValueSource(strings = {"md", "jsonl", "json"})
    void anEmptyFileIsWrittenAsItIs(String format) throws IOException {
        Path out = Files.createFile(dir.resolve("d." + format));
        Run r = debate(new ByteArrayOutputStream(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(out).contains("Pro argues at some length."));
    }

    /** /proc is a directory where no file can be made: every format is refused before a request, in one sentence. */
    @ParameterizedTest
    @ValueSource(strings = {"md", "jsonl", "json"})
    void aTranscriptWhereNoFileCanBeMadeIsRefusedAtTheStart(String format) {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");
        Path out = Path.of("/proc/x." + format);
        Run r = debate(new ByteArrayOutputStream(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("arena: cannot write the transcript to " + out + ": "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains(".tmp") || r.err().contains("Exception") || r.err().contains("internal"), r.err());
        assertTrue(fake.requestsFor("w/pro").isEmpty(), "nothing was sent");
    }

    @Test
    void forceNeedsOut() {
        Run r = debate(new ByteArrayOutputStream(), "--force");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("arena: --force needs --out FILE"), r.err());
    }

    @Test
    void aJsonTranscriptNeverReplacesAFifoOrALink() throws Exception {
        Path fifo = dir.resolve("fifo.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Run r = debate(new ByteArrayOutputStream(), "--out", fifo.toString(), "--force");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("arena: " + fifo + " is a FIFO, socket or device, and arena replaces only regular files;"
                + " choose another file name\n", r.err());
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(), "still a FIFO");

        Path target = Files.writeString(dir.resolve("target.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
        Run viaLink = debate(new ByteArrayOutputStream(), "--out", link.toString(), "--force");
        assertEquals(2, viaLink.exitCode(), viaLink.err());
        assertTrue(viaLink.err().contains(link + " is a symbolic link"), viaLink.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("{}", Files.readString(target));
        assertTrue(fake.requestsFor("w/pro").isEmpty(), "refused before anything was sent");
    }

    /** Another writer holds the lock (here this JVM, as a second arena process would): refused, file untouched, even with --force. */
    @ParameterizedTest
    @ValueSource(strings = {"md", "jsonl", "json"})
    void aTranscriptAnotherArenaIsWritingIsRefused(String format) throws IOException {
        Path out = Files.writeString(dir.resolve("d." + format), "the other debate, still going");
        Path locks = ArenaDirectories.locks(env, dir);
        try (WriteLock held = WriteLock.acquire(locks, out)) {
            assertTrue(held.held());
            Run r = debate(new ByteArrayOutputStream(), "--out", out.toString(), "--force");
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("arena: another arena process (pid " + ProcessHandle.current().pid() + ") is writing " + out
                    + "; wait for it to finish or choose another file\n", r.err());
        }
        assertEquals("the other debate, still going", Files.readString(out));
        assertTrue(fake.requestsFor("w/pro").isEmpty(), "refused before anything was sent");
    }
}
