package dev.arena.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The committed completion script must match what {@link CompletionScript} generates from
 * the commands as they are now, so a new option can never be missing from tab completion;
 * and its model-id part must work in a real bash.
 */
class CompletionScriptTest {

    private static final Path COMMITTED = Path.of("completions/arena.bash");
    private static final Path FRESH = Path.of("target/completions/arena.bash");

    @Test
    void committedBashCompletionIsCurrent() throws Exception {
        String generated = CompletionScript.bash();
        Files.createDirectories(FRESH.getParent());
        Files.writeString(FRESH, generated, StandardCharsets.UTF_8);
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(generated, committed,
                "completions/arena.bash is stale; update it with: cp " + FRESH + " " + COMMITTED);
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
        Path cache = Files.createDirectories(dir.resolve("cache/arena"));
        Files.writeString(cache.resolve("models-old.json"), "{\"data\":[{\"id\":\"openai/gpt-3.5-old\"}]}");
        Files.setLastModifiedTime(cache.resolve("models-old.json"), java.nio.file.attribute.FileTime.fromMillis(0));
        Files.writeString(cache.resolve("models-new.json"),
                "{\"format\":1,\"data\":[{\"id\":\"openai/gpt-4o\",\"name\":\"x\"},{\"id\": \"gpt-local\"},{\"id\":\"anthropic/claude-sonnet-4.5\"}]}");
        Path config = Files.createDirectories(dir.resolve("config/arena"));
        Files.writeString(config.resolve("config.properties"), "model=x/y\nalias.gpt-mine = my/model\n");
        String ids = complete(dir, "arena chat -m gpt");
        assertEquals(List.of("gpt-4o", "gpt-4o-mini", "gpt-local", "gpt-mine"), sorted(ids), ids);
        assertEquals(List.of("openai/gpt-4o"), sorted(complete(dir, "arena debate --judge openai/")));
        assertEquals(List.of("a,anthropic/claude-sonnet-4.5"), sorted(complete(dir, "arena chat --fallback a,anth")));
        assertEquals(List.of("anthropic/claude-sonnet-4.5"), sorted(complete(dir, "arena models show anth")));
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
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "--norc", "--noprofile", "-c", script);
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
}
