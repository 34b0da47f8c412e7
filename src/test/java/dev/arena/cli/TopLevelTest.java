package dev.arena.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code arena} with no command, or a mistyped one: the help, or the nearest commands. */
class TopLevelTest {

    @TempDir
    Path dir;

    private CliRun arena(String... args) {
        Map<String, String> env = new HashMap<>();
        IsolatedDirs.under(dir, env);
        return CliRun.of("", false, env, args);
    }

    @Test
    void arenaAlonePrintsTheHelpAndSucceeds() {
        CliRun r = arena();
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("Usage: arena"), r.out());
        assertTrue(r.out().contains("tournament") && r.out().contains("leaderboard"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void aMistypedCommandGetsTheNearestOne() {
        CliRun r = arena("chta", "hello");
        assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
        assertEquals("arena: 'chta' is not an arena command; did you mean chat?\nTry 'arena --help' for the commands.\n",
                r.err());
        CliRun t = arena("turnament");
        assertTrue(t.err().startsWith("arena: 'turnament' is not an arena command; did you mean tournament?"), t.err());
    }

    @Test
    void aBadFlagStillSaysWhatIsWrong() {
        CliRun r = arena("--frobnicate");
        assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("arena: Unknown option: '--frobnicate'"), r.err());
    }
}
