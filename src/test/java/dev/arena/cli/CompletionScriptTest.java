package dev.arena.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The committed completion scripts must match what {@link CompletionScript} generates from
 * the commands as they are now, so a new option can never be missing from tab completion;
 * and each must complete in a real bash and fish (when installed: a test without the shell
 * is skipped).
 */
class CompletionScriptTest {

    private static final Path COMMITTED = Path.of("completions/arena.bash");
    private static final Path COMMITTED_FISH = Path.of("completions/arena.fish");

    @Test
    void committedBashCompletionIsCurrent() throws Exception {
        assertCurrent(COMMITTED, CompletionScript.bash());
    }

    @Test
    void committedFishCompletionIsCurrent() throws Exception {
        assertCurrent(COMMITTED_FISH, CompletionScript.fish());
    }

    private static void assertCurrent(Path committed, String generated) throws IOException {
        Path fresh = Path.of("target").resolve(committed);
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, generated, StandardCharsets.UTF_8);
        String current = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        assertEquals(generated, current, committed + " is stale; update it with: cp " + fresh + " " + committed);
    }

    @Test
    void everyModelOptionAndModelsShowCompleteModelIds() {
        String script = CompletionScript.bash();
        assertTrue(script.contains(CompletionScript.BEGIN) && script.contains(CompletionScript.END));
        for (String option : CompletionScript.MODEL_OPTIONS) {
            assertTrue(script.contains("'" + option + "')\n      " + CompletionScript.HOOK), option);
        }
        String show = script.substring(script.indexOf("function _picocli_arena_models_show()"));
        assertTrue(show.contains("    " + CompletionScript.HOOK), "models show ID");
    }

    @Test
    void bashCompletesModelIdsFromTheNewestCacheFileAndAliases(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
        cacheAndConfig(dir);
        String ids = complete(dir, "arena chat -m gpt");
        assertEquals(List.of("gpt-4o", "gpt-4o-mini", "gpt-local", "gpt-mine"), sorted(ids), ids);
        assertEquals(List.of("openai/gpt-4o"), sorted(complete(dir, "arena debate --judge openai/")));
        assertEquals(List.of("a,anthropic/claude-sonnet-4.5"), sorted(complete(dir, "arena chat --fallback a,anth")));
        assertEquals(List.of("anthropic/claude-sonnet-4.5"), sorted(complete(dir, "arena models show anth")));
    }

    /** The same model ids as bash, and what fish's script makes itself: subcommands, options and their values. */
    @Test
    void fishCompletesSubcommandsOptionsTheirValuesAndModelIds(@TempDir Path dir) throws Exception {
        Optional<Path> fish = onPath("fish");
        assumeTrue(fish.isPresent(), "fish is not installed");
        cacheAndConfig(dir);
        String ids = fishComplete(fish.get(), dir, "arena chat -m gpt");
        assertEquals(List.of("gpt-4o", "gpt-4o-mini", "gpt-local", "gpt-mine"), sorted(ids), ids);
        assertEquals(List.of("openai/gpt-4o"), sorted(fishComplete(fish.get(), dir, "arena debate --judge openai/")));
        assertEquals(List.of("a,anthropic/claude-sonnet-4.5"),
                sorted(fishComplete(fish.get(), dir, "arena chat --fallback a,anth")));
        assertEquals(List.of("x,claude-sonnet"), sorted(fishComplete(fish.get(), dir, "arena tournament --models x,clau")));
        assertEquals(List.of("anthropic/claude-sonnet-4.5"), sorted(fishComplete(fish.get(), dir, "arena models show anth")));
        assertEquals(List.of("chat", "debate", "demo", "leaderboard", "logs", "models", "replay", "tournament"),
                sorted(fishComplete(fish.get(), dir, "arena ")));
        assertEquals(List.of("export"), sorted(fishComplete(fish.get(), dir, "arena logs ex")));
        assertEquals(List.of("json", "jsonl", "md"), sorted(fishComplete(fish.get(), dir, "arena debate --format ")));
        assertEquals(List.of("price"), sorted(fishComplete(fish.get(), dir, "arena models --sort p")));
        assertEquals(List.of("--system-con", "--system-pro"), sorted(fishComplete(fish.get(), dir, "arena debate --sy")));
        assertEquals(List.of(dir.resolve("config") + "/"), sorted(fishComplete(fish.get(), dir, "arena debate -o " + dir + "/con")),
                "--out completes files");
        assertEquals(List.of(), sorted(fishComplete(fish.get(), dir, "arena chat --system " + dir + "/con")),
                "a value that is no file completes no files");
    }

    /** An old and a new cache file, and a config file with an alias of its own. */
    private static void cacheAndConfig(Path dir) throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache/arena"));
        Files.writeString(cache.resolve("models-old.json"), "{\"data\":[{\"id\":\"openai/gpt-3.5-old\"}]}");
        Files.setLastModifiedTime(cache.resolve("models-old.json"), java.nio.file.attribute.FileTime.fromMillis(0));
        Files.writeString(cache.resolve("models-new.json"),
                "{\"format\":1,\"data\":[{\"id\":\"openai/gpt-4o\",\"name\":\"x\"},{\"id\": \"gpt-local\"},{\"id\":\"anthropic/claude-sonnet-4.5\"}]}");
        Path config = Files.createDirectories(dir.resolve("config/arena"));
        Files.writeString(config.resolve("config.properties"), "model=x/y\nalias.gpt-mine = my/model\n");
    }

    private static List<String> sorted(String lines) {
        return lines.lines().filter(l -> !l.isBlank()).sorted().toList();
    }

    /** Sources the committed script in bash and runs its completion for this line, cursor at the end. */
    private static String complete(Path dir, String line) throws IOException, InterruptedException {
        String script = "source " + COMMITTED.toAbsolutePath() + "\n"
                + "compopt() { :; }\n" // only works inside a real completion
                + "COMP_LINE='" + line + "'\n"
                + "read -r -a COMP_WORDS <<< \"$COMP_LINE\"\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "COMP_POINT=${#COMP_LINE}\n"
                + "_complete_arena arena \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return run(dir, "/bin/bash", "--norc", "--noprofile", "-c", script);
    }

    /** Sources the committed fish script and prints fish's candidates for this line (without their descriptions). */
    private static String fishComplete(Path fish, Path dir, String line) throws IOException, InterruptedException {
        String script = "source " + COMMITTED_FISH.toAbsolutePath() + "\n"
                + "complete -C " + FishCompletion.quote(line) + " | string replace -r '\\t.*' ''\n";
        return run(dir, fish.toString(), "--no-config", "-c", script);
    }

    /** Runs a shell with HOME and the XDG directories in {@code dir}; returns what it printed. */
    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("HOME", dir.toString());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return out;
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        return path == null ? Optional.empty() : Arrays.stream(path.split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }
}
