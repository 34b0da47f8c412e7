package dev.arena.cli;

import dev.arena.fake.FakeOpenRouter;
import dev.arena.fake.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a debate run ends on stderr: where its transcript is, and why it stopped, each said once. */
class DebateEndingTest {

    @TempDir
    Path dir;

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        IsolatedDirs.under(dir, env);
        env.put("ARENA_BASE_URL", fake.baseUrl());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun debate(boolean terminal, String... more) {
        fake.script("e/pro", Reply.stream("Pro argues."));
        fake.script("e/con", Reply.stream("Con answers."));
        String[] args = {"debate", "--pro", "e/pro", "--con", "e/con", "--rounds", "1", "--judge", ""};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length + 1);
        System.arraycopy(more, 0, all, args.length, more.length);
        all[all.length - 1] = "Motion";
        return CliRun.of(null, terminal, env, all);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aWholeRunWithOutEndsBySayingWhereTheTranscriptIsOnAPipeAndOnATerminal() throws Exception {
        Path md = dir.resolve("t.md");
        CliRun pipe = debate(false, "--out", md.toString());
        assertEquals(ExitCode.OK, pipe.exitCode(), pipe.toString());
        assertTrue(pipe.err().endsWith("arena: the transcript is in " + md + "\n"), pipe.err());
        assertEquals(1, count(pipe.err(), md.toString()), pipe.err());
        assertTrue(Files.readString(md).contains("Con answers."), "it is there");

        Path json = dir.resolve("t.json");
        CliRun terminal = debate(true, "--out", json.toString());
        assertEquals(ExitCode.OK, terminal.exitCode(), terminal.toString());
        assertEquals("arena: the transcript is in " + json + "\n", terminal.err());
    }

    @Test
    void quietOnAPipeHoldsItBackAndWithoutOutThereIsNothingToSay() {
        CliRun quiet = debate(false, "-q", "--out", dir.resolve("q.md").toString());
        assertEquals(ExitCode.OK, quiet.exitCode(), quiet.toString());
        assertEquals("", quiet.err());

        CliRun quietTerminal = debate(true, "-q", "--out", dir.resolve("qt.md").toString());
        assertEquals("arena: the transcript is in " + dir.resolve("qt.md") + "\n", quietTerminal.err(),
                "-q is for pipes");

        CliRun none = debate(false);
        assertEquals(ExitCode.OK, none.exitCode(), none.toString());
        assertFalse(none.err().contains("transcript"), none.err());
    }

    @Test
    void aTurnThatFailsOnEveryModelStopsTheDebateWithOneSentenceThatSaysWhereWhatItHadIs() {
        fake.script("e/pro", Reply.stream("Pro argues."));
        fake.script("e/con", Reply.errorMessage(400, "bad request"));
        Path md = dir.resolve("f.md");
        CliRun r = CliRun.of(null, false, env, "debate", "--pro", "e/pro", "--con", "e/con", "--rounds", "1",
                "--judge", "", "--out", md.toString(), "Motion");
        assertEquals(ExitCode.FAILED, r.exitCode(), r.toString());
        assertEquals(1, count(r.out(), "The debate stopped early"), r.out());
        assertEquals(1, count(r.err(), "the debate stopped"), r.err());
        assertEquals(1, count(r.err(), md.toString()), r.err());
        assertTrue(r.err().contains("the transcript so far is in " + md), r.err());
    }
}
