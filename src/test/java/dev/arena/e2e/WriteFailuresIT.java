package dev.arena.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real launcher writing where writes fail: stdout on /dev/full, a transcript on /dev/full
 * or on a full disk, stdout closed by head, a second arena on the same --out, and a kill.
 */
class WriteFailuresIT {

    private static final String KEY = "sk-or-v1-write-failures-0123456789";
    private static final String NO_SPACE = "no space left on device";
    private static final File FULL = new File("/dev/full");
    private static FakeOpenRouter fake;

    @TempDir
    Path dir;

    @BeforeAll
    static void startFake() {
        fake = FakeOpenRouter.start().requireKey(KEY);
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    private ArenaProcess debate(String pro, String con, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--pro", pro, "--con", con, "--rounds", "1"));
        all.addAll(List.of(args));
        all.add("Topic");
        // One state directory for every process of a test, as one user's arenas share one.
        return ArenaProcess.against(fake, KEY, "debate", all.toArray(String[]::new))
                .env("XDG_STATE_HOME", dir.resolve("state").toString());
    }

    private static String[] pieces(int count, String word) {
        String[] pieces = new String[count];
        for (int i = 0; i < count; i++) {
            pieces[i] = word + i + " ";
        }
        return pieces;
    }

    @Test
    void chatOnAFullDiskExits1WithTheSentence() {
        fake.script("f/chat", Reply.stream("an answer ", "nobody can store"));
        ArenaProcess.Result r = ArenaProcess.against(fake, KEY, "chat", "-m", "f/chat", "hi").stdout(FULL).run();
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("arena: cannot write to stdout (" + NO_SPACE + "); the answer was stopped, and no copy of it was kept\n",
                r.stderr());
    }

    @Test
    void debateOnAFullDiskExits1WithTheSentence() {
        fake.script("f/pro1", Reply.stream("Pro speaks."));
        fake.script("f/con1", Reply.stream("Con speaks."));
        ArenaProcess.Result r = debate("f/pro1", "f/con1").stdout(FULL).run();
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("arena: cannot write to stdout (" + NO_SPACE + "); the debate stopped, and no copy was kept"
                + " (--out FILE keeps one)\n", r.stderr());
    }

    @Test
    void aMarkdownTranscriptOnAFullDiskExits1WithTheSentence() {
        fake.script("f/pro2", Reply.stream("Pro speaks."));
        fake.script("f/con2", Reply.stream("Con speaks."));
        ArenaProcess.Result r = debate("f/pro2", "f/con2", "--out", "/dev/full", "--format", "md").run();
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("arena: cannot write the transcript /dev/full (" + NO_SPACE + "); the debate stopped, and stdout"
                + " has everything received so far\n", r.stderr());
        assertTrue(r.stdout().endsWith("*Outcome: write_failed — cannot write the transcript /dev/full (" + NO_SPACE + ")*\n"),
                r.stdout());
    }

    /** A real full disk: a 64 KiB tmpfs (mounted as root, as this machine and CI run the tests). */
    @Test
    void aJsonTranscriptOnAFullDiskExits1AndLeavesNoTemporaryFile() throws Exception {
        Path small = Files.createDirectory(dir.resolve("small"));
        // Only root may mount; CI runs as root, so there it always runs.
        assumeTrue(new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString())
                .inheritIO().start().waitFor() == 0, "cannot mount a small tmpfs here (not root)");
        try {
            fake.script("f/pro3", Reply.stream(pieces(100, "x".repeat(1000))));
            fake.script("f/con3", Reply.stream("never reached"));
            Path json = small.resolve("d.json");
            ArenaProcess.Result r = debate("f/pro3", "f/con3", "--out", json.toString()).run();
            assertEquals(1, r.exitCode(), r.toString());
            assertEquals("arena: cannot write the transcript " + json + " (" + NO_SPACE + "); the debate stopped, and stdout"
                    + " has everything received so far\n", r.stderr());
            try (Stream<Path> files = Files.list(small)) {
                assertEquals(List.of(json), files.toList(), "no temporary file is left");
            }
            assertTrue(fake.requestsFor("f/con3").isEmpty(), "the debate stopped at the failed write");
        } finally {
            new ProcessBuilder("umount", small.toString()).inheritIO().start().waitFor();
        }
    }

    /** | head: quiet, exit 0, and the transcript, which still works, says the output closed, not complete. */
    @Test
    void aClosedStdoutEndsQuietlyAndTheTranscriptSaysSo() throws Exception {
        fake.script("f/pro4", Reply.stream(pieces(400, "token")).delayMillis(10));
        fake.script("f/con4", Reply.stream("never reached"));
        Path jsonl = dir.resolve("d.jsonl");
        String script = "set -o pipefail; '" + ArenaProcess.LAUNCHER + "' debate --base-url " + fake.baseUrl()
                + " --pro f/pro4 --con f/con4 --rounds 1 -q --out '" + jsonl + "' Topic | head -c 20";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectInput(new File("/dev/null"));
        pb.environment().put("OPENROUTER_API_KEY", KEY);
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString()); // never the developer's store
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        assertEquals("# Debate: Topic\n\n- P", out);
        assertEquals("", err);
        List<String> lines = Files.readAllLines(jsonl);
        JsonObject end = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals("debate_end", end.get("type").getAsString());
        assertEquals("output_closed", end.get("outcome").getAsString(), end.toString());
        assertTrue(fake.requestsFor("f/con4").isEmpty());
    }

    /** A second arena on the same --out is refused before it sends anything; the first one's transcript is whole. */
    @Test
    void twoArenasNeverWriteOneTranscript() throws Exception {
        fake.script("f/pro5", Reply.stream(pieces(40, "slow")).delayMillis(250)); // 10 s: the second arena starts meanwhile
        fake.script("f/con5", Reply.stream("Con answers."));
        fake.script("f/pro6", Reply.stream("the intruder"));
        fake.script("f/con6", Reply.stream("the intruder"));
        Path md = dir.resolve("shared.md");
        ArenaProcess.Running first = debate("f/pro5", "f/con5", "--out", md.toString()).start();
        first.awaitStdout("slow0");
        ArenaProcess.Result second = debate("f/pro6", "f/con6", "--out", md.toString(), "--force").run();
        assertTrue(first.process.isAlive(), "the first debate was still writing");
        assertEquals(2, second.exitCode(), second.toString());
        assertTrue(second.stderr().matches("arena: another arena process \\(pid \\d+\\) is writing " + md
                + "; wait for it to finish or choose another file\n"), second.stderr());
        assertTrue(fake.requestsFor("f/pro6").isEmpty(), "refused before anything was sent");
        ArenaProcess.Result r = first.waitFor();
        assertEquals(0, r.exitCode(), r.toString());
        String transcript = Files.readString(md);
        assertEquals(r.stdout(), transcript, "the transcript is the first debate, whole");
        assertTrue(transcript.endsWith("*Outcome: complete*\n"), transcript);
        assertFalse(transcript.contains("intruder"), transcript);
    }

    /** kill (SIGTERM): the JVM ends with 143 (128 + 15) after the transcript got its end record. */
    @Test
    void aKilledDebateExits143AndItsTranscriptSaysInterrupted() throws Exception {
        fake.script("f/pro7", Reply.stream("Before the kill", " never").stallAfter(1));
        fake.script("f/con7", Reply.stream("never reached"));
        Path jsonl = dir.resolve("killed.jsonl");
        ArenaProcess.Running running = debate("f/pro7", "f/con7", "--out", jsonl.toString()).start();
        running.awaitStdout("Before the kill");
        running.signal("TERM");
        ArenaProcess.Result r = running.waitFor();
        assertEquals(143, r.exitCode(), r.toString());
        List<String> lines = Files.readAllLines(jsonl);
        JsonObject end = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals("interrupted", end.get("outcome").getAsString(), end.toString());
    }
}
