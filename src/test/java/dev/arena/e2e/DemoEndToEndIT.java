package dev.arena.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.arena.e2e.ArenaProcess.arena;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real bin/arena demo: no key, no server of the test's, nothing but the jar. */
class DemoEndToEndIT {

    @TempDir
    Path dir;

    @Test
    void aScriptedDebateRunsWithoutKeyOrNetworkAndLeavesATranscriptButNoRecord() throws Exception {
        Path out = dir.resolve("demo.json");
        Path db = dir.resolve("arena.db");
        ArenaProcess.Result r = arena("demo", "--out", out.toString(), "Trains beat planes")
                .env("ARENA_DEMO_PACE", "0").env("ARENA_DB", db.toString()).run();
        assertEquals(0, r.exitCode(), r.toString());

        String err = r.stderr();
        int start = err.indexOf("arena demo: a scripted debate");
        int fallback = err.indexOf("demo/pro failed (HTTP 503");
        int end = err.indexOf("arena demo: that was scripted");
        assertTrue(start >= 0 && start < fallback && fallback < end, r.toString());
        assertTrue(err.contains("falling back to demo/pro-backup"), r.toString());
        assertTrue(err.contains("arena: the transcript is in " + out) && err.contains("arena debate 'Trains beat planes'"),
                r.toString());

        assertTrue(r.stdout().contains("## Round 2 — Pro (demo/pro-backup)") && r.stdout().contains("## Verdict"),
                r.toString());
        JsonObject transcript = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertEquals("Trains beat planes", transcript.get("topic").getAsString());
        assertTrue(transcript.toString().contains("demo/judge"), transcript.toString());
        assertFalse(Files.exists(db), "the demo records nothing in the store");
    }

    @Test
    void ctrlCStopsTheDemoWithExit130AndStillSaysItWasScripted() throws Exception {
        ArenaProcess.Running demo = arena("demo", "--out", dir.resolve("demo.md").toString())
                .env("ARENA_DEMO_PACE", "200").start();
        demo.awaitStdout("## Round 1 — Pro (demo/pro)");
        demo.signal("INT");
        ArenaProcess.Result r = demo.waitFor();
        assertEquals(130, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("the transcript so far is in " + dir.resolve("demo.md")), r.toString());
        assertTrue(r.stderr().contains("arena demo: that was scripted"), r.toString());
    }
}
