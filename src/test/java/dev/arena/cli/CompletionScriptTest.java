package dev.arena.cli;

import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The committed completion script must match what picocli generates from the commands as
 * they are now, so a new option can never be missing from tab completion.
 */
class CompletionScriptTest {

    private static final Path COMMITTED = Path.of("completions/arena.bash");
    private static final Path FRESH = Path.of("target/completions/arena.bash");

    @Test
    void committedBashCompletionIsCurrent() throws Exception {
        String generated = AutoComplete.bash("arena", new CommandLine(new ArenaCommand()));
        Files.createDirectories(FRESH.getParent());
        Files.writeString(FRESH, generated, StandardCharsets.UTF_8);
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(generated, committed,
                "completions/arena.bash is stale; update it with: cp " + FRESH + " " + COMMITTED);
    }
}
