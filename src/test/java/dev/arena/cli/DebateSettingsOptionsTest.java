package dev.arena.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code arena debate} makes of its models, topic, judge and stances, seen from the
 * command line: a bad one is a usage error (exit 2) with one sentence, and a good one reaches
 * the plan of a dry run with its chain resolved. The building itself is the core's
 * ({@code debate/DebateSetup}); this pins what the user sees of it.
 */
class DebateSettingsOptionsTest {

    @TempDir
    Path home;

    private CliRun debate(String... args) {
        List<String> all = new ArrayList<>(List.of("debate", "--dry-run"));
        all.addAll(List.of(args));
        Map<String, String> env = Map.of(
                "XDG_CACHE_HOME", home.resolve("cache").toString(),
                "XDG_CONFIG_HOME", home.resolve("config").toString());
        return CliRun.of(null, false, env, all.toArray(String[]::new));
    }

    private static void assertUsageError(CliRun r, String sentence) {
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(List.of("arena: " + sentence, "Try 'arena debate --help' for the options."), r.err().lines().toList(),
                r.toString());
        assertEquals("", r.out(), r.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "blank pro           | --pro | ''     | the motion | --pro and --con must not be empty",
        "blank con           | --con | '  '   | the motion | --pro and --con must not be empty",
        "blank topic         | --pro | a/b    | '   '      | the topic is empty",
        "empty judge         | --judge | ''   | the motion | --judge needs a model id",
        "judge of blanks     | --judge | ' , ' | the motion | --judge needs a model id",
    })
    void aBadSettingIsAUsageErrorOfOneSentence(String name, String option, String value, String topic, String sentence) {
        assertUsageError(debate(option, value, topic), sentence);
    }

    @Test
    void aBlankFighterIsNamedBeforeABlankTopic() {
        assertUsageError(debate("--pro", " ", " "), "--pro and --con must not be empty");
    }

    @Test
    void aMissingStanceFileIsNamed() {
        Path missing = home.resolve("stances.txt");
        assertUsageError(debate("--stance-file", missing.toString(), "the motion"),
                "--stance-file: " + missing + " does not exist");
    }

    @Test
    void chainsResolveAliasesAndNameEachModelOnce() {
        CliRun r = debate("--pro", "gpt-4o", "--pro-fallback", "x/one, ,gpt-4o", "--fallback", "x/one,x/two",
                "--con", "x/con", "--judge", "j/one,gpt-4o-mini,j/one", "--rounds", "1", "the", "motion");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("### Round 1 — Pro (models: openai/gpt-4o, x/one, x/two)\n"), r.out());
        assertTrue(r.out().contains("### Round 1 — Con (models: x/con, x/one, x/two)\n"), r.out());
        assertTrue(r.out().contains("presented first (models: j/one, openai/gpt-4o-mini)\n"), r.out());
    }

    @Test
    void theCommandLinePersonaWinsOverTheStanceFile() throws Exception {
        Path file = Files.writeString(home.resolve("stances.txt"), "[pro]\nFILE PRO PERSONA\n[con]\nFILE CON PERSONA\n");
        CliRun r = debate("--stance-file", file.toString(), "--system-con", "FLAG CON PERSONA", "--rounds", "1", "motion");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("FILE PRO PERSONA"), r.out());
        assertTrue(r.out().contains("FLAG CON PERSONA"), r.out());
        assertFalse(r.out().contains("FILE CON PERSONA"), r.out());
    }
}
