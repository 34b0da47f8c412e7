package dev.arena.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real bin/arena debate view on a pseudo-terminal made by util-linux {@code script},
 * stdout and stderr on the same screen as a person has them: what the screen reads at the end.
 */
class DebateTerminalIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsScript() {
        Assumptions.assumeTrue(new File("/usr/bin/script").canExecute(),
                "util-linux script is not installed; it makes the pseudo-terminal");
    }

    @Test
    void theDemoShowsItsFallbackUnderItsTurnATotalWithTheJudgeAndNamesItsTranscriptOnce() throws Exception {
        Path out = dir.resolve("demo.md");
        Screen s = run("demo", "--out", out.toString());
        assertEquals(0, s.exit(), s.text());
        String text = s.text();
        int header = text.indexOf("Round 2 · Pro · closing statement · demo/pro-backup\n");
        int retry = text.indexOf("[Pro] demo/pro failed");
        int fallback = text.indexOf("falling back to demo/pro-backup");
        assertTrue(header >= 0 && header < retry && retry < fallback, "under their turn's header:\n" + text);
        assertTrue(Pattern.compile("\nspeaker +turns +tokens in").matcher(text).find(), text);
        assertTrue(Pattern.compile("\nJudge +2074 +64 ").matcher(text).find(), text);
        assertTrue(Pattern.compile("\ntotal +4 +3485 +372 ").matcher(text).find(), "fighters and judge: " + text);
        assertEquals(1, count(text, out.toString()), text);
        assertTrue(text.contains("arena: the transcript is in " + out + "\n"), text);
    }

    @Test
    void theDemoReadsLikeAPageWrappedAtWordsWithItsMarkdownRendered() throws Exception {
        Path out = dir.resolve("page.md");
        String text = run("demo", "--out", out.toString(), "Tabs beat spaces").text();
        String transcript = Files.readString(out);
        assertTrue(transcript.contains("**Tabs beat spaces**"), "the transcript keeps the Markdown: " + transcript);
        assertFalse(text.contains("**"), "the screen shows it rendered, markers taken away:\n" + text);
        assertTrue(text.contains("I argue for the motion: Tabs beat spaces."), text);
        // The first turn, a model's streamed text (arena's own notice lines are left to the terminal).
        String debate = text.substring(text.indexOf("Round 1 · Pro"), text.indexOf("Round 1 · Con"));
        for (String line : debate.split("\n")) {
            assertTrue(line.codePointCount(0, line.length()) <= 100, "wider than the terminal: " + line);
        }
        java.util.Set<String> shown = new java.util.HashSet<>(List.of(text.split("\\s+")));
        String prose = transcript.substring(transcript.indexOf("1. **The gains"), transcript.indexOf("We can."));
        for (String word : prose.replace("*", "").split("\\s+")) {
            assertTrue(shown.contains(word), "'" + word + "' is shown whole, never cut at the edge:\n" + text);
        }

        String raw = run("demo", "--raw", "Tabs beat spaces").text();
        assertTrue(raw.contains("**Tabs beat spaces**"), "--raw shows the text as it came:\n" + raw);
    }

    @Test
    void aTurnThatFailsOnEveryModelSaysTheDebateStoppedOnce() throws Exception {
        Path out = dir.resolve("f.md");
        Screen s = run("debate", "--base-url", "http://127.0.0.1:1/v1", "--pro", "a/b", "--con", "c/d",
                "--judge", "", "--rounds", "1", "--retries", "0", "--out", out.toString(), "Motion");
        assertEquals(1, s.exit(), s.text());
        assertEquals(1, count(s.text().toLowerCase(java.util.Locale.ROOT), "the debate stopped"), s.text());
        assertTrue(s.text().contains("the transcript so far is in " + out), s.text());
        assertTrue(Files.readString(out).contains("**The debate stopped early:**"), "the transcript records it");
    }

    private record Screen(int exit, String text) {
    }

    private Screen run(String... args) throws Exception {
        ProcessBuilder pb = PtyCommand.of(100, dir, args);
        pb.environment().put("ARENA_DEMO_PACE", "0");
        for (String xdg : List.of("CONFIG", "CACHE", "STATE", "DATA")) {
            pb.environment().put("XDG_" + xdg + "_HOME", dir.resolve(xdg.toLowerCase(java.util.Locale.ROOT)).toString());
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        byte[] screen = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "arena ended");
        String text = new String(screen, StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "")
                .replaceAll("\u001b[>=]", "").replace("\r", "");
        return new Screen(p.exitValue(), text);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
