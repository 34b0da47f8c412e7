package dev.arena.cli;

import dev.arena.fake.FakeOpenRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bad option value is a usage error (exit 2) with one sentence, and the same value in the
 * config file is a configuration error (exit 3) with the same sentence, its file and its line:
 * the flag and the key go through one check.
 */
class OptionValuesTest {

    @TempDir
    Path home;

    private FakeOpenRouter fake;
    private final Map<String, String> env = new HashMap<>();
    private Path configFile;

    @BeforeEach
    void start() {
        fake = FakeOpenRouter.start();
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("OPENROUTER_API_KEY", "sk-or-v1-test-000000");
        configFile = home.resolve("config/arena/config.properties");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private CliRun run(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--base-url", fake.baseUrl()));
        if (command.equals("debate")) {
            args.add("--dry-run");
        }
        args.addAll(List.of(more));
        args.add(command.equals("models") ? "--ids" : "topic or prompt");
        return CliRun.of(null, false, env, args.toArray(String[]::new));
    }

    /** Cases whose option has a config key: the flag, then the key, give one sentence. */
    @ParameterizedTest(name = "{0} --{1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "chat   | rate-limit   | 1000000001/s    | '1000000001/s' is more than 1000000 requests per period, the most arena counts",
        "chat   | rate-limit   | a=b=1/s         | 'a=b=1/s' has more than one '='; write MODEL=N/UNIT, e.g. openai/gpt-4o=5/min",
        "chat   | rate-limit   | =1/s            | '=1/s' names no model before '='",
        "chat   | rate-limit   | 99999999999999999999/min | '99999999999999999999/min' is more than 1000000 requests per period, the most arena counts",
        "chat   | temperature  | 0x1p1           | '0x1p1' is not a decimal number such as 0.7",
        "chat   | temperature  | 1d              | '1d' is not a decimal number such as 0.7",
        "chat   | temperature  | NaN             | 'NaN' is not a decimal number such as 0.7",
        "chat   | temperature  | Infinity        | 'Infinity' is not a decimal number such as 0.7",
        "chat   | temperature  | 1e0             | '1e0' is not a decimal number such as 0.7",
        "chat   | temperature  | 2.01            | '2.01' must be between 0 and 2",
        "debate | temperature  | -0.1            | '-0.1' must be between 0 and 2",
        "chat   | retries      | 999999          | '999999' must be between 0 and 100",
        "chat   | retries      | -1              | '-1' must be between 0 and 100",
        "chat   | retries      | 0x10            | '0x10' is not a whole number",
        "chat   | max-tokens   | 0               | '0' must be between 1 and 2147483647",
        "chat   | max-tokens   | 99999999999     | '99999999999' must be between 1 and 2147483647",
        "debate | max-tokens   | 1e3             | '1e3' is not a whole number",
        "debate | rounds       | 51              | '51' must be between 1 and 50",
        "debate | rounds       | 3.0             | '3.0' is not a whole number",
        "chat   | idle-timeout | 0s              | '0s' must be more than zero",
        "chat   | idle-timeout | 99999999999h    | '99999999999h' is too long (at most 365 days)",
        "debate | idle-timeout | 1e3s            | '1e3s' is not a duration (examples: 500ms, 30s, 2m)",
    })
    void aBadValueGivesOneSentenceAsAFlagAndInTheConfigFile(String command, String key, String value, String sentence)
            throws Exception {
        CliRun flag = run(command, "--" + key, value);
        assertEquals(2, flag.exitCode(), flag.toString());
        List<String> lines = flag.err().lines().toList();
        // picocli names a list option with its label: "Invalid value for option '--rate-limit' ([MODEL=]N/UNIT): ".
        assertTrue(lines.get(0).startsWith("arena: Invalid value for option '--" + key + "'")
                && (lines.get(0).endsWith("': " + sentence) || lines.get(0).endsWith("): " + sentence)), flag.toString());
        assertEquals(2, lines.size(), "the sentence and where to find the options: " + flag);

        Files.createDirectories(configFile.getParent());
        Files.write(configFile, List.of("# first line", key + "=" + value), StandardCharsets.UTF_8);
        CliRun file = run(command);
        assertEquals(3, file.exitCode(), file.toString());
        assertEquals("arena: config file " + configFile + " line 2, " + key + ": " + sentence + "\n", file.err());
        assertTrue(fake.requests().isEmpty(), "nothing was sent");
    }

    /** Options without a config key go through the same kinds of check. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "chat   | --seed        | 1.5                  | '1.5' is not a whole number",
        "debate | --seed        | 99999999999999999999 | '99999999999999999999' must be between -9223372036854775808 and 9223372036854775807",
        "models | --max-price   | 1e3                  | '1e3' is not a decimal number such as 0.7",
        "models | --max-price   | abc                  | 'abc' is not a decimal number such as 0.7",
        "tournament | --budget  | abc                  | 'abc' is not a decimal number such as 0.7",
        "tournament | --budget  | -1                   | '-1' must be at least 0",
        "tournament | --concurrency | abc              | 'abc' is not a whole number",
        "models | --max-price   | -1                   | '-1' must be at least 0",
        "models | --min-context | -5                   | '-5' must be at least 0",
        "models | --min-context | 128k                 | '128k' is not a whole number",
    })
    void aBadValueOfAnOptionWithoutAKeyIsAUsageError(String command, String option, String value, String sentence) {
        CliRun r = run(command, option, value);
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("arena: Invalid value for option '" + option + "': " + sentence, r.err().lines().findFirst().orElse(""),
                r.toString());
        assertTrue(fake.requests().isEmpty(), "nothing was sent");
    }

    /** Plain decimals and whole numbers, as people type them, pass both ways. */
    @ParameterizedTest(name = "{0} --{1} {2}")
    @CsvSource(delimiter = '|', value = {
        "debate | temperature | .5", "debate | temperature | 2", "debate | temperature | 0.70",
        "debate | rounds | 50", "debate | max-tokens | 2147483647", "debate | retries | 100",
        "debate | rate-limit | 1000000/s", "debate | rate-limit | openai/gpt-4o=5/min", "debate | idle-timeout | 1.5m",
    })
    void goodValuesPassAsAFlagAndInTheConfigFile(String command, String key, String value) throws Exception {
        CliRun flag = run(command, "--" + key, value);
        assertEquals(0, flag.exitCode(), flag.toString());
        Files.createDirectories(configFile.getParent());
        Files.write(configFile, List.of(key + "=" + value), StandardCharsets.UTF_8);
        CliRun file = run(command);
        assertEquals(0, file.exitCode(), file.toString());
    }
}
