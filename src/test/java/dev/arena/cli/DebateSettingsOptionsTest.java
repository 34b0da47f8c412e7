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
        return debate(Map.of(), args);
    }

    private CliRun debate(Map<String, String> extraEnv, String... args) {
        List<String> all = new ArrayList<>(List.of("debate", "--dry-run"));
        all.addAll(List.of(args));
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        return CliRun.of(null, false, env, all.toArray(String[]::new));
    }

    private void configuredJudge() throws Exception {
        Path config = home.resolve("config/arena/config.properties");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "judge=openai/gpt-4o\n");
    }

    @Test
    void theConfiguredJudgeJudgesUnlessTheRunSwitchesItOff() throws Exception {
        configuredJudge();
        CliRun judged = debate("the motion");
        assertEquals(0, judged.exitCode(), judged.toString());
        assertTrue(judged.out().contains("### Judge, "), judged.toString());
        for (String[] off : new String[][] {{"--no-judge"}, {"--judge", ""}}) {
            CliRun r = debate(off[0], off.length > 1 ? off[1] : "--rounds=3", "the motion");
            assertEquals(0, r.exitCode(), String.join(" ", off) + ": " + r);
            assertTrue(r.out().contains("### Round 3"), r.toString());
            assertFalse(r.out().contains("### Judge"), String.join(" ", off) + " switches the judge off: " + r);
        }
        CliRun env = debate(Map.of("ARENA_JUDGE", ""), "the motion");
        assertEquals(0, env.exitCode(), env.toString());
        assertFalse(env.out().contains("### Judge"), "ARENA_JUDGE= switches it off too: " + env);
    }

    @Test
    void noJudgeAndAJudgeTogetherAreAUsageError() {
        assertUsageError(debate("--no-judge", "--judge", "openai/gpt-4o", "the motion"), "--no-judge and --judge cannot be combined");
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
