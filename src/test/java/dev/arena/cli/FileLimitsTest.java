package dev.arena.cli;

import dev.arena.config.ConfigFile;
import dev.arena.debate.Stances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every file arena reads has a bound: one byte over it, or {@code /dev/zero}, ends in one
 * sentence with the caller's exit code, never in an OutOfMemoryError.
 */
class FileLimitsTest {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private CliRun run(String... args) {
        env.putIfAbsent("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.putIfAbsent("XDG_CONFIG_HOME", home.resolve("config").toString());
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of("hi", false, env, args));
    }

    /** A file of {@code size} bytes of {@code fill}, e.g. a key file one byte over its limit. */
    private Path file(String name, int size, char fill) throws Exception {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) fill);
        Path file = Files.write(home.resolve(name), content);
        // Readable by its owner only, so that no warning about a readable key file comes first.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static void assertOneSentence(CliRun r, int code, String sentence) {
        assertEquals(code, r.exitCode(), r.toString());
        assertEquals("arena: " + sentence, r.err().lines().findFirst().orElse(""), r.toString());
        assertFalse(r.err().contains("OutOfMemoryError") || r.err().contains("internal error"), r.toString());
    }

    @Test
    void aKeyFileOverItsLimitIsAConfigurationError() throws Exception {
        Path big = file("key", ApiKeys.FILE_LIMIT + 1, 'k');
        assertOneSentence(run("chat", "--api-key-file", big.toString(), "hi"), 3,
                "the key file " + big + " is larger than 64 KiB; it should hold the key alone, on its first line");
        assertOneSentence(run("chat", "--api-key-file", "/dev/zero", "hi"), 3,
                "the key file /dev/zero is larger than 64 KiB; it should hold the key alone, on its first line");
        Path justRight = file("key2", ApiKeys.FILE_LIMIT, 'k');
        CliRun r = run("chat", "--api-key-file", justRight.toString(), "--base-url", "http://127.0.0.1:9", "hi");
        assertFalse(r.err().contains("larger than"), "a file of the limit is read: " + r);
    }

    @Test
    void aStanceFileOverItsLimitIsAUsageError() throws Exception {
        Path big = file("stances", Stances.LIMIT + 1, 'x');
        assertOneSentence(run("debate", "--dry-run", "--stance-file", big.toString(), "topic"), 2,
                "--stance-file: " + big + " is larger than 1 MiB");
        assertOneSentence(run("debate", "--dry-run", "--stance-file", "/dev/zero", "topic"), 2,
                "--stance-file: /dev/zero is larger than 1 MiB");
    }

    @Test
    void aStanceFileThatIsNotUtf8IsAUsageError() throws Exception {
        Path latin1 = Files.write(home.resolve("latin1"), new byte[] {'[', 'p', 'r', 'o', ']', '\n', 'c', 'a', 'f', (byte) 0xe9});
        assertOneSentence(run("debate", "--dry-run", "--stance-file", latin1.toString(), "topic"), 2,
                "--stance-file: " + latin1 + " is not UTF-8 text");
    }

    @Test
    void aConfigFileOverItsLimitIsAConfigurationError() throws Exception {
        Path dir = Files.createDirectories(home.resolve("config/arena"));
        Path config = dir.resolve(ConfigFile.FILE_NAME);
        byte[] comment = new byte[ConfigFile.LIMIT + 1];
        Arrays.fill(comment, (byte) '#');
        Files.write(config, comment);
        assertOneSentence(run("chat", "hi"), 3, "the config file " + config + " is larger than 1 MiB");
        Files.delete(config);
        Files.createSymbolicLink(config, Path.of("/dev/zero"));
        assertOneSentence(run("chat", "hi"), 3, "the config file " + config + " is larger than 1 MiB");
        Files.delete(config);
    }
}
