package dev.arena.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code arena demo} in-process, on a pipe: the scripted debate through the real debate run. */
class DemoCommandTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void isolate() {
        IsolatedDirs.under(dir, env);
        env.put(DemoCommand.PACE_ENV, "0");
        env.put("ARENA_DB", dir.resolve("arena.db").toString());
        // A key and a config that point elsewhere: the demo must use neither.
        env.put("OPENROUTER_API_KEY", "sk-or-v1-never-sent-0123456789");
        env.put("ARENA_BASE_URL", "http://127.0.0.1:1/v1");
    }

    @Test
    void runsTwoRoundsAndAJudgeWithOneFallbackAndSaysItIsScriptedAtBothEnds() throws Exception {
        Path out = dir.resolve("demo.json");
        CliRun r = CliRun.of(null, false, env, "demo", "--out", out.toString(), "Tea", "beats", "coffee");
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());

        String md = r.out();
        assertTrue(md.startsWith("# Debate: Tea beats coffee"), md);
        assertTrue(md.contains("## Round 1 — Pro (demo/pro)") && md.contains("## Round 1 — Con (demo/con)")
                && md.contains("## Round 2 — Pro (demo/pro-backup)") && md.contains("## Round 2 — Con (demo/con)"), md);
        assertFalse(md.contains("## Round 3"), md);
        assertTrue(md.contains("demo/pro-backup took over"), md);
        assertTrue(md.contains("**Winner: Pro**") || md.contains("**Winner: Con**"), "both readings agree:\n" + md);
        assertTrue(md.contains("against the motion: **Tea beats coffee**"), md);

        String err = r.err();
        int start = err.indexOf("arena demo: a scripted debate");
        int fallback = err.indexOf("falling back to demo/pro-backup");
        int end = err.indexOf("arena demo: that was scripted");
        assertTrue(start >= 0 && start < fallback && fallback < end, err);
        String named = "arena: the transcript is in " + out + "\n";
        assertEquals(1, err.split(java.util.regex.Pattern.quote(out.toString()), -1).length - 1,
                "the transcript is named once: " + err);
        assertTrue(err.contains(named) && err.indexOf(named) < end, err);
        assertTrue(err.contains("https://openrouter.ai/keys") && err.contains("export OPENROUTER_API_KEY=")
                && err.contains("arena debate 'Tea beats coffee'"), err);

        JsonObject transcript = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertEquals("Tea beats coffee", transcript.get("topic").getAsString(), transcript.toString());
        assertFalse(Files.exists(dir.resolve("arena.db")), "the demo records nothing in the store");
    }

    @Test
    void withoutOutTheTranscriptGoesToANewTemporaryDirectory() throws Exception {
        CliRun r = CliRun.of(null, false, env, "demo");
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
        String line = r.err().lines().filter(l -> l.startsWith("arena: the transcript is in ")).findFirst().orElseThrow();
        Path transcript = Path.of(line.substring("arena: the transcript is in ".length()));
        try {
            assertEquals(r.out(), Files.readString(transcript), "the Markdown transcript is what stdout showed");
            assertTrue(r.out().startsWith("# Debate: " + dev.arena.demo.DemoScript.DEFAULT_TOPIC), r.out());
        } finally {
            Files.deleteIfExists(transcript);
            Files.deleteIfExists(transcript.getParent());
        }
    }

    @Test
    void quietOnAPipeStillNamesTheTranscriptOnceInTheClosingNotice() {
        Path out = dir.resolve("q.md");
        CliRun r = CliRun.of(null, false, env, "demo", "-q", "--out", out.toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
        assertFalse(r.err().contains("arena: the transcript is in"), r.err());
        assertEquals(1, r.err().split(java.util.regex.Pattern.quote(out.toString()), -1).length - 1, r.err());
        assertTrue(r.err().contains("The transcript is in " + out + "\n"), r.err());
    }

    @Test
    void jsonWritesEventsOnStdoutAndTheNoticesStayOnStderr() {
        CliRun r = CliRun.of(null, false, env, "demo", "--json", "--out", dir.resolve("t.md").toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
        for (String line : r.lines()) {
            JsonParser.parseString(line).getAsJsonObject();
        }
        assertTrue(r.out().contains("\"demo/pro-backup\""), r.out());
        assertTrue(r.err().contains("arena demo: that was scripted"), r.err());
    }

    @Test
    void aConfigFileThatCannotBeUsedIsWarnedAboutAndDoesNotStopTheDemo() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config/arena")).resolve("config.properties");
        Files.writeString(config, "this is not a setting\n");
        CliRun r = CliRun.of(null, false, env, "demo", "--out", dir.resolve("t.md").toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("arena: warning: ") && r.err().contains("the demo runs without the config file"),
                r.err());

        CliRun chat = CliRun.of(null, false, env, "chat", "hello");
        assertEquals(ExitCode.CONFIG, chat.exitCode(), "other commands still stop: " + chat);
    }

    @Test
    void theConfigFilesServerAndModelsAreNotUsed() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config/arena")).resolve("config.properties");
        Files.writeString(config, "base-url=http://127.0.0.1:1/v1\npro=openai/gpt-4o\njudge=openai/gpt-4o\nrounds=5\n");
        CliRun r = CliRun.of(null, false, env, "demo", "--out", dir.resolve("t.md").toString());
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
        assertFalse(r.err().contains("warning"), "the file is good, and read: " + r.err());
        assertTrue(r.out().contains("## Round 1 — Pro (demo/pro)") && !r.out().contains("gpt-4o")
                && !r.out().contains("## Round 3"), r.out());
    }

    @Test
    void aBadPaceOrOutIsAUsageError() {
        env.put(DemoCommand.PACE_ENV, "fast");
        CliRun pace = CliRun.of(null, false, env, "demo");
        assertEquals(ExitCode.USAGE, pace.exitCode(), pace.toString());
        assertTrue(pace.err().contains("$ARENA_DEMO_PACE must be a whole number of milliseconds"), pace.err());

        env.put(DemoCommand.PACE_ENV, "0");
        CliRun out = CliRun.of(null, false, env, "demo", "--out", dir.resolve("t.txt").toString());
        assertEquals(ExitCode.USAGE, out.exitCode(), out.toString());
        assertTrue(out.err().startsWith("arena: --out: "), out.err());
        assertFalse(out.err().contains("scripted debate"), "refused before it starts: " + out.err());
    }
}
