package dev.arena.config;

import dev.arena.catalog.Suggestions;
import dev.arena.files.TextFiles;
import dev.arena.files.UnreadableTextException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * arena's config file, {@code $XDG_CONFIG_HOME/arena/config.properties} (default
 * {@code ~/.config/arena/config.properties}): one {@code key=value} a line, {@code #}
 * comments, the keys of {@link ConfigKey} plus {@code alias.NAME=MODEL}. Every value is
 * checked when the file is read, so a mistake is reported with its file, line and key
 * before anything runs. The API key is never read from here: a file of settings gets
 * copied and shared, and a key in it would go along.
 */
public final class ConfigFile {

    public static final String FILE_NAME = "config.properties";
    public static final String ALIAS_PREFIX = "alias.";

    /** Settings and aliases fill a few KiB; 1 MiB is far beyond any real file and keeps a wrong one from filling memory. */
    public static final int LIMIT = 1024 * 1024;

    private static final Pattern ALIAS_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
    /** What an OpenRouter (or OpenAI) key looks like, to warn about one pasted into the file. */
    private static final Pattern KEY_LIKE = Pattern.compile("\\bsk-[A-Za-z0-9_-]{8,}");

    /** A value and the line it came from. */
    public record Entry(String value, int line) {
    }

    private final Path path;
    private final Map<ConfigKey, Entry> values;
    private final Map<String, Entry> aliases;
    private final int keyLikeLine;
    private final List<String> warnings;

    private ConfigFile(Path path, Map<ConfigKey, Entry> values, Map<String, Entry> aliases, int keyLikeLine,
                       List<String> warnings) {
        this.path = path;
        this.values = Collections.unmodifiableMap(values);
        this.aliases = Collections.unmodifiableMap(aliases);
        this.keyLikeLine = keyLikeLine;
        this.warnings = List.copyOf(warnings);
    }

    /** A config with nothing set, at {@code path}. */
    public static ConfigFile empty(Path path) {
        return new ConfigFile(path, new EnumMap<>(ConfigKey.class), new LinkedHashMap<>(), 0, List.of());
    }

    /**
     * Where the file is: {@code $XDG_CONFIG_HOME/arena/config.properties} when that is an
     * absolute path (the XDG spec says to ignore relative ones), else under {@code <home>/.config}.
     */
    public static Path location(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path dir = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return dir.resolve("arena").resolve(FILE_NAME);
    }

    /** Reads and checks the file; a missing file is an empty config. */
    public static ConfigFile load(Path path) throws ConfigFileException {
        List<String> lines;
        try {
            lines = TextFiles.read(path, LIMIT, "the config file " + path).lines().toList();
        } catch (NoSuchFileException e) {
            return empty(path);
        } catch (UnreadableTextException e) {
            throw new ConfigFileException(e.getMessage());
        } catch (IOException e) {
            throw new ConfigFileException("cannot read the config file " + path + " (" + e.getMessage() + ")");
        }
        return parse(path, lines);
    }

    static ConfigFile parse(Path path, List<String> lines) throws ConfigFileException {
        Map<ConfigKey, Entry> values = new EnumMap<>(ConfigKey.class);
        Map<String, Entry> aliases = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        int keyLikeLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (keyLikeLine == 0 && KEY_LIKE.matcher(line).find()) {
                keyLikeLine = number; // even in a comment: the file still holds it
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int sep = separator(line);
            if (sep < 0) {
                throw error(path, number, null, "expected key=value, e.g. model=openai/gpt-4o-mini");
            }
            String key = line.substring(0, sep).strip();
            String value = line.substring(sep + 1).strip();
            Integer earlier = seen.put(key, number);
            if (earlier != null) {
                // As in a Java properties file, the later line wins; said, since one of the two is likely a slip.
                warnings.add(where(path, number, key) + ": set again (first on line " + earlier + "); this line's value is used");
            }
            if (key.startsWith(ALIAS_PREFIX)) {
                String name = key.substring(ALIAS_PREFIX.length());
                if (!ALIAS_NAME.matcher(name).matches()) {
                    throw error(path, number, key, "'" + name + "' is not an alias name (letters, digits, . _ : -)");
                }
                String problem = ConfigKey.PRO.problem(value);
                if (problem != null) {
                    throw error(path, number, key, problem);
                }
                aliases.put(name, new Entry(value, number));
                continue;
            }
            if (key.equals("api-key") || key.equals("key")) {
                throw error(path, number, key, "arena does not read API keys from the config file; set "
                        + "OPENROUTER_API_KEY, or put the key alone in a file (chmod 600) and set api-key-file");
            }
            Optional<ConfigKey> known = ConfigKey.forKey(key);
            if (known.isEmpty()) {
                List<String> near = Suggestions.nearest(key,
                        java.util.Arrays.stream(ConfigKey.values()).map(ConfigKey::key).toList(), 1);
                throw error(path, number, key, "unknown key" + (near.isEmpty() ? "" : " (did you mean " + near.get(0) + "?)"));
            }
            String problem = known.get().problem(value);
            if (problem != null) {
                throw error(path, number, key, problem);
            }
            values.put(known.get(), new Entry(value, number));
        }
        return new ConfigFile(path, values, aliases, keyLikeLine, warnings);
    }

    private static int separator(String line) {
        return line.indexOf('=');
    }

    private static ConfigFileException error(Path path, int line, String key, String problem) {
        return new ConfigFileException(where(path, line, key) + ": " + problem);
    }

    private static String where(Path path, int line, String key) {
        return "config file " + path + " line " + line + (key == null ? "" : ", " + key);
    }

    public Path path() {
        return path;
    }

    public Optional<Entry> get(ConfigKey key) {
        return Optional.ofNullable(values.get(key));
    }

    /** {@code alias.NAME=MODEL} entries, in file order. */
    public Map<String, Entry> aliases() {
        return aliases;
    }

    /** What is wrong but harmless, e.g. a key set twice, in file order: one sentence each. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * A warning when the file is readable by other users and holds something that looks like
     * an API key; empty otherwise, and where the file system has no POSIX permissions.
     */
    public Optional<String> keyExposureWarning() {
        if (keyLikeLine == 0 || !readableByOthers(path)) {
            return Optional.empty();
        }
        return Optional.of("the config file " + path + " is readable by other users and line " + keyLikeLine
                + " looks like an API key; keys belong in OPENROUTER_API_KEY or a key file (chmod 600)");
    }

    /** True when group or others may read the file (POSIX file systems only). */
    public static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }
}
