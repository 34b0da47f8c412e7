package dev.arena.repl;

import dev.arena.files.AtomicFile;
import dev.arena.files.NotReplaceableException;
import dev.arena.files.WriteLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which session an interactive chat starts with: a new one (named after the time), a named
 * one ({@code --session NAME}, created if missing), or the last one ({@code --continue}).
 * It holds the session's write lock until closed ({@link Repl#run} closes it when it ends),
 * so that no second REPL writes the same session meanwhile.
 *
 * @param named   the user chose the name, so the session is saved even before its first message
 * @param resumed the session was read from its file
 * @param note    something to tell the user first, e.g. that there was nothing to continue
 */
public record SessionStart(String name, ChatSession session, boolean named, boolean resumed, Optional<String> note,
                           WriteLock lock) implements AutoCloseable {

    /**
     * @param fresh     a new session with the settings from the command line
     * @param overrides the settings the user gave explicitly, applied to a resumed session too
     * @throws SessionBusyException     when another REPL has the named (or last) session open
     * @throws NotReplaceableException  when the session's file is a link, FIFO, device or directory
     * @throws IllegalArgumentException for a bad name or an unreadable session file
     */
    public static SessionStart open(SessionStore store, String sessionName, boolean continueLast, ChatSession fresh,
                                    Consumer<ChatSession> overrides, LocalDateTime now) throws IOException {
        String name = sessionName != null ? SessionStore.checkName(sessionName)
                : continueLast ? store.lastName().orElse(null) : null;
        if (name != null) {
            // Locked before it is read: what is read then is what the last writer left.
            WriteLock lock = store.lock(name);
            try {
                // A session is saved by rename: what cannot be replaced would lose every turn.
                AtomicFile.checkReplaceable(store.pathOf(name));
                Optional<ChatSession> saved = store.load(name);
                if (saved.isPresent() || sessionName != null) {
                    saved.ifPresent(overrides);
                    return new SessionStart(name, saved.orElse(fresh), true, saved.isPresent(),
                            saved.map(s -> "resumed session " + name + " (" + describe(s) + ")"), lock);
                }
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
            lock.close();
        }
        return startNew(store, fresh, now,
                continueLast ? Optional.of("no earlier session to continue; this is a new one") : Optional.empty());
    }

    /** Lets go of the session: another REPL may open it now. */
    @Override
    public void close() {
        lock.close();
    }

    /** Named after the time, with a suffix when another session started in the same second. */
    private static SessionStart startNew(SessionStore store, ChatSession fresh, LocalDateTime now, Optional<String> note)
            throws IOException {
        String base = SessionStore.newName(now);
        for (int i = 1; ; i++) {
            String name = i == 1 ? base : base + "-" + i;
            if (exists(store, name)) {
                continue;
            }
            WriteLock lock;
            try {
                lock = store.lock(name);
            } catch (SessionBusyException e) {
                continue; // another REPL started this second and has not saved yet
            }
            if (exists(store, name)) {
                lock.close();
                continue;
            }
            return new SessionStart(name, fresh, false, false, note, lock);
        }
    }

    private static boolean exists(SessionStore store, String name) {
        return Files.exists(store.pathOf(name), LinkOption.NOFOLLOW_LINKS);
    }

    private static String describe(ChatSession session) {
        int n = session.entries().size();
        return n + (n == 1 ? " message" : " messages") + ", model " + session.model();
    }
}
