package dev.arena.cli;

import dev.arena.files.FileErrors;
import dev.arena.files.TextFiles;
import dev.arena.files.UnreadableTextException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the API key. Only from the environment or a file: a key given as an argument
 * would be visible to every user of the machine in the process list.
 */
final class ApiKeys {

    static final String ENV = "OPENROUTER_API_KEY";

    /** A key is under 200 bytes; 64 KiB leaves room for comments and stops a wrong file (or /dev/zero) at once. */
    static final int FILE_LIMIT = 64 * 1024;

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

    /**
     * What to do when OpenRouter is asked without a key: get one, or see arena at work without
     * one; and, when a local server answers, the {@code --base-url} that would use it.
     */
    static String missing(Optional<LocalServers.Found> local) {
        return "no API key: set " + ENV + " or pass --api-key-file FILE (get a key at https://openrouter.ai/keys);"
                + " or run 'arena demo' to watch a scripted debate that needs none"
                + local.map(found -> "; " + found.name() + " answers on this machine: to use it, pass --base-url "
                        + found.baseUrl()).orElse("");
    }

    private static String read(Path keyFile) throws ConfigException {
        try {
            String text = TextFiles.read(keyFile, FILE_LIMIT, "the key file " + keyFile).strip();
            if (text.isEmpty()) {
                throw new ConfigException("the key file " + keyFile + " is empty");
            }
            return text.lines().findFirst().orElse("");
        } catch (NoSuchFileException e) {
            throw new ConfigException("the key file " + keyFile + " does not exist");
        } catch (UnreadableTextException e) {
            throw new ConfigException(e.getMessage() + "; it should hold the key alone, on its first line");
        } catch (IOException e) {
            throw new ConfigException("cannot read the key file " + keyFile + ": " + FileErrors.reason(e)
                    + "; point --api-key-file at a readable file that holds the key");
        }
    }
}
