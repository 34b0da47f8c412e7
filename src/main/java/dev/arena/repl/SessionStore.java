package dev.arena.repl;

import dev.arena.files.ArenaDirectories;
import dev.arena.files.AtomicFile;
import dev.arena.files.Visibility;
import dev.arena.files.TextFiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where interactive chat keeps its files, after the XDG base directory spec: the input
 * history under the state directory ({@code $XDG_STATE_HOME/arena/history}, default
 * {@code ~/.local/state/arena/history}); and where an older arena kept sessions, which now live
 * in the store ({@link StoredSessions} imports them): under the data directory
 * ({@code $XDG_DATA_HOME/arena/sessions/NAME.json}, default {@code ~/.local/share/arena/sessions}),
 * with {@code last-session} naming the session that ran last. Also the session files of
 * {@code /save} and {@code /load}, in either format.
 */
public final class SessionStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * The largest session file read (also by /load). The whole conversation goes with every
     * request and no model takes much more than 2M tokens (about 8 MB of text), so a longer
     * session could not be continued anyway; 16 MiB also stays well inside the 256 MiB heap
     * while the file, its text and its JSON tree are in memory at once.
     */
    public static final int SESSION_LIMIT = 16 * 1024 * 1024;
    /**
     * The largest input history used. JLine keeps 5000 lines in the file (HISTORY_FILE_SIZE);
     * 16 MiB is 3 KiB a line, long pasted prompts included.
     */
    public static final int HISTORY_LIMIT = 16 * 1024 * 1024;
    /** {@code last-session} holds one name of at most 100 characters. */
    private static final int LAST_SESSION_LIMIT = 4 * 1024;

    private final Path stateDir;
    private final Path dataDir;
    private final Path locksDir;

    /** {@code locksDir} is {@link ArenaDirectories#locks}, where the sessions' write locks live. */
    public SessionStore(Path stateDir, Path dataDir, Path locksDir) {
        this.stateDir = stateDir;
        this.dataDir = dataDir;
        this.locksDir = locksDir;
    }

    /**
     * The directories for this environment. {@code home} stands for {@code ~}, which Java
     * does not expand; relative XDG values are ignored, as the spec asks.
     */
    public static SessionStore fromEnvironment(Map<String, String> env, Path home) {
        return new SessionStore(ArenaDirectories.state(env, home), ArenaDirectories.data(env, home),
                ArenaDirectories.locks(env, home));
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

    /** A session name is a file name: letters, digits, '.', '_' and '-', not starting with a dot. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a session name is letters, digits, '.', '_' or '-' (got '" + name + "')");
        }
        return name;
    }

    /** Where the locks of sessions live ({@link ArenaDirectories#locks}). */
    public Path locksDir() {
        return locksDir;
    }

    /** Where an older arena named the session that ran last. */
    public Path lastSessionFile() {
        return dataDir.resolve("last-session");
    }

    /** The session that ran last, as an older arena recorded it, if any. */
    public Optional<String> lastName() throws IOException {
        try {
            Path file = lastSessionFile();
            String name = TextFiles.read(file, LAST_SESSION_LIMIT, file.toString()).strip();
            return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes sure the history file exists, readable by the user alone, and can be used: JLine
     * reads it whole and, when it grows past its size, replaces it by rename, so anything but
     * a regular UTF-8 file within {@link #HISTORY_LIMIT} is refused and left untouched.
     *
     * @throws IOException with a sentence naming the file: not a regular file, too large, not
     *                     UTF-8, or a directory that cannot be made
     */
    public Path prepareHistory() throws IOException {
        ArenaDirectories.createPrivate(stateDir);
        Path history = historyFile();
        AtomicFile.checkReplaceable(history);
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
        TextFiles.read(history, HISTORY_LIMIT, history.toString());
        return history;
    }

    // ---- files in either format ----

    /** Reads a session saved as JSON, or as Markdown when the name ends in .md or .markdown. */
    public static ChatSession read(Path file) throws IOException {
        String text = TextFiles.read(file, SESSION_LIMIT, file.toString());
        try {
            return isMarkdown(file) ? SessionFormat.fromMarkdown(text) : SessionFormat.fromJson(text);
        } catch (RuntimeException e) {
            String why = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage()
                    : "not a session saved by /save; load a .json or .md file that /save wrote";
            throw new IllegalArgumentException(file + ": " + why, e);
        }
    }

    /**
     * Writes Markdown when the name ends in .md or .markdown, else JSON; replaces the file
     * atomically. A missing directory is not made: a typo in /save must not leave new
     * directories behind, just as {@code --out} does not.
     */
    public static void write(Path file, ChatSession session) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException(Files.exists(parent) ? parent + " is not a directory"
                    : "the directory " + parent + " does not exist");
        }
        AtomicFile.write(file, isMarkdown(file) ? SessionFormat.toMarkdown(session) : SessionFormat.toJson(session), Visibility.USER_CHOICE);
    }

    static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }
}
