package dev.arena.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the API key. Only from the environment or a file: a key given as an argument
 * would be visible to every user of the machine in the process list.
 */
final class ApiKeys {

    static final String ENV = "OPENROUTER_API_KEY";

    private ApiKeys() {
    }

    /** The key from {@code keyFile} if given, else from the environment; null if neither has one. */
    static String find(Path keyFile, Map<String, String> env) throws ConfigException {
        String key = keyFile != null ? read(keyFile) : env.get(ENV);
        if (key == null || key.isBlank()) {
            return null;
        }
        key = key.strip();
        // Anything outside visible ASCII would corrupt the Authorization header, or worse, inject another.
        if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new ConfigException("the API key contains spaces or control characters; check "
                    + (keyFile != null ? keyFile : ENV));
        }
        return key;
    }

    private static String read(Path keyFile) throws ConfigException {
        try {
            String text = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new ConfigException("the key file " + keyFile + " is empty");
            }
            return text.lines().findFirst().orElse("");
        } catch (NoSuchFileException e) {
            throw new ConfigException("the key file " + keyFile + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read the key file " + keyFile + " (" + e.getMessage() + ")");
        }
    }
}
