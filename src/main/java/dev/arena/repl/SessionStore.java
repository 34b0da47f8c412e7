package dev.arena.repl;

import dev.arena.files.ArenaDirectories;
import dev.arena.files.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where interactive chat keeps its files, after the XDG base directory spec: the input
 * history under the state directory ({@code $XDG_STATE_HOME/arena/history}, default
 * {@code ~/.local/state/arena/history}) and sessions under the data directory
 * ({@code $XDG_DATA_HOME/arena/sessions/NAME.json}, default {@code ~/.local/share/arena/sessions}),
 * with {@code last-session} naming the session that ran last.
 */
public final class SessionStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss", Locale.ROOT);

    private final Path stateDir;
    private final Path dataDir;

    public SessionStore(Path stateDir, Path dataDir) {
        this.stateDir = stateDir;
        this.dataDir = dataDir;
    }

    /**
     * The directories for this environment. {@code home} stands for {@code ~}, which Java
     * does not expand; relative XDG values are ignored, as the spec asks.
     */
    public static SessionStore fromEnvironment(Map<String, String> env, Path home) {
        return new SessionStore(ArenaDirectories.state(env, home), ArenaDirectories.data(env, home));
    }

    /** {@code $HOME} when it is set to an absolute path, else the JVM's {@code user.home}. */
    public static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() && Path.of(home).isAbsolute() ? Path.of(home)
                : Path.of(System.getProperty("user.home"));
    }

    public Path historyFile() {
        return stateDir.resolve("history");
    }

    public Path sessionsDir() {
        return dataDir.resolve("sessions");
    }

    public Path pathOf(String name) {
        return sessionsDir().resolve(checkName(name) + ".json");
    }

    /** A session name is a file name: letters, digits, '.', '_' and '-', not starting with a dot. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a session name is letters, digits, '.', '_' or '-' (got '" + name + "')");
        }
        return name;
    }

    /** A name for a session the user did not name: when it started. */
    public static String newName(LocalDateTime now) {
        return STAMP.format(now);
    }

    public Optional<ChatSession> load(String name) throws IOException {
        Path file = pathOf(name);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Saves the session (atomically) and remembers it as the last one. */
    public void save(String name, ChatSession session) throws IOException {
        ArenaDirectories.createPrivate(sessionsDir());
        write(pathOf(name), session);
        AtomicFile.write(dataDir.resolve("last-session"), name + "\n");
    }

    /** The session that ran last, if any. */
    public Optional<String> lastName() throws IOException {
        try {
            String name = Files.readString(dataDir.resolve("last-session"), StandardCharsets.UTF_8).strip();
            return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Makes sure the history file's directory exists, readable by the user alone. */
    public Path prepareHistory() throws IOException {
        ArenaDirectories.createPrivate(stateDir);
        Path history = historyFile();
        // Every prompt typed ends up here: readable by its owner only, like the sessions.
        if (!Files.exists(history)) {
            try {
                Files.createFile(history, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(history);
            } catch (FileAlreadyExistsException e) {
                // Made meanwhile by another arena: fine.
            }
        }
        return history;
    }

    // ---- files in either format ----

    /** Reads a session saved as JSON, or as Markdown when the name ends in .md or .markdown. */
    public static ChatSession read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return isMarkdown(file) ? SessionFormat.fromMarkdown(text) : SessionFormat.fromJson(text);
        } catch (RuntimeException e) {
            String why = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage() : e.toString();
            throw new IllegalArgumentException(file + ": " + why, e);
        }
    }

    /** Writes Markdown when the name ends in .md or .markdown, else JSON; replaces the file atomically. */
    public static void write(Path file, ChatSession session) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFile.write(file, isMarkdown(file) ? SessionFormat.toMarkdown(session) : SessionFormat.toJson(session));
    }

    static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }
}
