package dev.arena.repl;

import dev.arena.files.ArenaDirectories;
import dev.arena.files.FileBusyException;
import dev.arena.files.FileErrors;
import dev.arena.files.UnreadableTextException;
import dev.arena.files.WriteLock;
import dev.arena.store.ChatHistories;
import dev.arena.store.ChatHistory;
import dev.arena.store.ChatSettings;
import dev.arena.store.HistoryMessage;
import dev.arena.store.SessionImport;
import dev.arena.store.SessionRecorder;
import dev.arena.store.StoreException;
import dev.arena.store.StoreReader;
import dev.arena.store.StoreWriter;
import dev.arena.text.Redactor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Chat sessions as the store keeps them: a session is the chat conversation of that name, and
 * {@code -c} goes on from the chat conversation updated last. Opening one reads it in the
 * caller's thread (there is nothing to ask before its history is known), imports the session
 * files of an older arena first, once, and takes the session's lock. A new conversation costs
 * no database work at all.
 */
public final class StoredSessions {

    private final SessionStore files;
    private final Path db;
    private final Path cacheDir;
    private final Redactor redactor;

    /** {@code files} has the old session files and the lock directory; {@code db} is the store. */
    public StoredSessions(SessionStore files, Path db, Path cacheDir, Redactor redactor) {
        this.files = files;
        this.db = db;
        this.cacheDir = cacheDir;
        this.redactor = redactor;
    }

    /**
     * The session {@code choice} names, locked, with {@code overrides} (the settings given
     * explicitly) applied to a resumed one and recorded; {@code fresh} when it starts new.
     * Problems with old session files that could not be imported go to {@code warnings}, one
     * sentence each.
     *
     * @throws StoreException              the store cannot be read (exit 3)
     * @throws SessionBusyException        another chat has the session open (exit 2)
     * @throws NothingToContinueException  {@code -c} with no chat conversation yet (exit 1)
     * @throws NotAChatException           {@code --cid} of a debate (exit 2)
     */
    public SessionStart open(SessionChoice choice, ChatSession fresh, Consumer<ChatSession> overrides, StoreWriter writer,
                             Consumer<String> warnings) throws StoreException, SessionBusyException,
            NothingToContinueException, NotAChatException {
        SessionRecorder recorder = new SessionRecorder(writer, redactor);
        if (choice.kind() == SessionChoice.Kind.NEW) {
            String id = SessionRecorder.newId(Instant.now());
            return new SessionStart(fresh, new KeptSession(recorder, writer, id, null, false), false, Optional.empty(), null);
        }
        if (writer.enabled() && choice.kind() != SessionChoice.Kind.ID) {
            importOldFiles(warnings);
        }
        if (choice.kind() == SessionChoice.Kind.NAMED) {
            // Locked before it is read: what is read then is what the last writer left.
            WriteLock lock = lock(choice.value(), "session " + choice.value());
            try (StoreReader reader = StoreReader.open(db, cacheDir).orElse(null)) {
                Optional<ChatHistories.Found> found = reader == null ? Optional.empty() : ChatHistories.named(reader, choice.value());
                if (found.isEmpty()) {
                    String id = SessionRecorder.newId(Instant.now());
                    return new SessionStart(fresh, new KeptSession(recorder, writer, id, choice.value(), false), false,
                            Optional.empty(), lock);
                }
                return resumed(reader, found.get(), overrides, fresh, recorder, writer, lock);
            } catch (StoreException | RuntimeException e) {
                lock.close();
                throw e;
            }
        }
        try (StoreReader reader = StoreReader.open(db, cacheDir).orElseThrow(() -> new NothingToContinueException(
                choice.kind() == SessionChoice.Kind.LAST ? nothingYet()
                        : "nothing is recorded yet, so no conversation has the id " + choice.value() + " (the store would be " + db + ")"))) {
            ChatHistories.Found found;
            if (choice.kind() == SessionChoice.Kind.LAST) {
                found = ChatHistories.last(reader).orElseThrow(() -> new NothingToContinueException(nothingYet()));
            } else {
                found = ChatHistories.byId(reader, choice.value());
                if (!found.isChat()) {
                    throw new NotAChatException(found.id());
                }
            }
            String key = found.name() != null ? found.name() : found.id();
            WriteLock lock = lock(key, (found.name() != null ? "session " : "conversation ") + key);
            try {
                return resumed(reader, found, overrides, fresh, recorder, writer, lock);
            } catch (StoreException | RuntimeException e) {
                lock.close();
                throw e;
            }
        }
    }

    private static String nothingYet() {
        return "no conversation to continue yet (start one: arena chat \"...\")";
    }

    private SessionStart resumed(StoreReader reader, ChatHistories.Found found, Consumer<ChatSession> overrides,
                                 ChatSession fresh, SessionRecorder recorder, StoreWriter writer, WriteLock lock)
            throws StoreException {
        ChatHistory history = ChatHistories.load(reader, found.id());
        ChatSession session = session(history, fresh.model());
        overrides.accept(session);
        KeptSession kept = new KeptSession(recorder, writer, found.id(), found.name(), true);
        if (!KeptSession.settings(session).equals(history.settings())) {
            kept.settingsChanged(session);
        }
        int n = session.entries().size();
        String note = "resumed " + kept.label() + " (" + n + (n == 1 ? " message" : " messages") + ", model "
                + session.model() + ")";
        return new SessionStart(session, kept, true, Optional.of(note), lock);
    }

    /** The session a stored history stands for; a setting edited into something arena would refuse is left out. */
    static ChatSession session(ChatHistory history, String defaultModel) {
        ChatSettings settings = history.settings();
        ChatSession session = new ChatSession(defaultModel);
        try {
            session.setModel(settings.model());
        } catch (IllegalArgumentException e) {
            // No model recorded (or not one word): the default, or what -m says.
        }
        session.setFallbacks(settings.fallbacks());
        session.setSystem(settings.system());
        try {
            session.setTemperature(settings.temperature());
        } catch (IllegalArgumentException e) {
            // Out of range: the server's default.
        }
        session.setMaxTokens(settings.maxTokens());
        session.setSeed(settings.seed());
        for (HistoryMessage m : history.messages()) {
            session.add(new ChatSession.Entry(m.role(), m.content(), m.model(), m.cut()));
        }
        session.restoreUsage(history.answers(), history.promptTokens(), history.completionTokens(), history.cost());
        return session;
    }

    /**
     * One chat per session: the lock is on a name beside the store's file (which stays put,
     * whatever is written), keyed on the session's name, or the conversation's id.
     */
    private WriteLock lock(String key, String what) throws SessionBusyException {
        Path file = db.toAbsolutePath();
        try {
            // The lock is keyed on the store's real directory, which must exist for that.
            ArenaDirectories.createPrivate(file.getParent());
        } catch (IOException e) {
            // Then the session goes unlocked; the store's writer reports a directory it cannot use.
        }
        try {
            return WriteLock.acquire(files.locksDir(), file.resolveSibling(file.getFileName() + ".session." + key));
        } catch (FileBusyException e) {
            throw new SessionBusyException(what, e.holder());
        }
    }

    // ---- the session files of an older arena ----

    /**
     * Imports each {@code sessions/*.json} not imported yet; {@code last-session} gets the
     * newest time, so that {@code -c} goes on from it. A file that cannot be read is one
     * warning, left as it is, and tried again next time.
     */
    private void importOldFiles(Consumer<String> warnings) throws StoreException {
        List<Path> candidates = sessionFiles();
        if (candidates.isEmpty()) {
            return;
        }
        try (SessionImport store = SessionImport.open(db, cacheDir, redactor)) {
            Set<String> done = store.imported();
            candidates.removeIf(path -> done.contains(SessionImport.key(path)));
            if (candidates.isEmpty()) {
                return;
            }
            String last = lastName(warnings);
            List<SessionImport.Session> sessions = new ArrayList<>();
            for (Path path : candidates) {
                try {
                    sessions.add(session(path));
                } catch (IOException | IllegalArgumentException e) {
                    String why = e instanceof IOException io ? why(io, path) : e.getMessage();
                    warnings.accept("arena: warning: an old session was not imported into the store: " + why
                            + "; the file is left as it is");
                }
            }
            Instant newest = sessions.stream().map(SessionImport.Session::modified).max(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
            // The last session goes in last, with the newest time: of equal times, the last row is the last.
            sessions.sort(Comparator.comparing((SessionImport.Session s) -> s.name().equals(last)));
            for (SessionImport.Session s : sessions) {
                SessionImport.Result result = store.add(s, s.name().equals(last) ? newest : s.modified());
                if (result == SessionImport.Result.NAME_TAKEN) {
                    warnings.accept("arena: warning: " + s.path() + " was not imported: the store has a session named "
                            + s.name() + " already; the file is left as it is");
                }
            }
        }
    }

    private List<Path> sessionFiles() {
        List<Path> paths = new ArrayList<>();
        if (!Files.isDirectory(files.sessionsDir())) {
            return paths;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(files.sessionsDir(), "*.json")) {
            dir.forEach(paths::add);
        } catch (IOException e) {
            // An unreadable directory holds nothing arena can import.
        }
        paths.sort(Comparator.naturalOrder());
        return paths;
    }

    private String lastName(Consumer<String> warnings) {
        try {
            return files.lastName().orElse(null);
        } catch (IOException e) {
            warnings.accept("arena: warning: " + why(e, files.lastSessionFile()) + "; no old session is taken as the last one");
            return null;
        }
    }

    private static SessionImport.Session session(Path path) throws IOException {
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnreadableIoException(path + " is not a regular file");
        }
        String file = path.getFileName().toString();
        String name = file.substring(0, file.length() - ".json".length());
        try {
            SessionStore.checkName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
        ChatSession session = SessionStore.read(path);
        return new SessionImport.Session(path, name, KeptSession.settings(session), KeptSession.messages(session),
                Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant());
    }

    private static String why(IOException e, Path file) {
        return e instanceof UnreadableTextException || e instanceof UnreadableIoException ? e.getMessage()
                : file + ": " + FileErrors.reason(e);
    }

    /** A file that is not one to read, in a sentence naming it. */
    private static final class UnreadableIoException extends IOException {

        private static final long serialVersionUID = 1L;

        UnreadableIoException(String sentence) {
            super(sentence);
        }
    }
}
