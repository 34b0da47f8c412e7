package dev.arena.repl;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which session an interactive chat starts with: a new one (named after the time), a named
 * one ({@code --session NAME}, created if missing), or the last one ({@code --continue}).
 *
 * @param named   the user chose the name, so the session is saved even before its first message
 * @param resumed the session was read from its file
 * @param note    something to tell the user first, e.g. that there was nothing to continue
 */
public record SessionStart(String name, ChatSession session, boolean named, boolean resumed, Optional<String> note) {

    /**
     * @param fresh     a new session with the settings from the command line
     * @param overrides the settings the user gave explicitly, applied to a resumed session too
     * @throws IllegalArgumentException for a bad name or an unreadable session file
     */
    public static SessionStart open(SessionStore store, String sessionName, boolean continueLast, ChatSession fresh,
                                    Consumer<ChatSession> overrides, LocalDateTime now) throws IOException {
        if (sessionName != null) {
            Optional<ChatSession> saved = store.load(SessionStore.checkName(sessionName));
            saved.ifPresent(overrides);
            return new SessionStart(sessionName, saved.orElse(fresh), true, saved.isPresent(),
                    saved.map(s -> "resumed session " + sessionName + " (" + describe(s) + ")"));
        }
        if (continueLast) {
            Optional<String> last = store.lastName();
            Optional<ChatSession> saved = last.isPresent() ? store.load(last.get()) : Optional.empty();
            if (saved.isPresent()) {
                overrides.accept(saved.get());
                return new SessionStart(last.get(), saved.get(), true, true,
                        Optional.of("resumed session " + last.get() + " (" + describe(saved.get()) + ")"));
            }
            return new SessionStart(freeName(store, now), fresh, false, false,
                    Optional.of("no earlier session to continue; this is a new one"));
        }
        return new SessionStart(freeName(store, now), fresh, false, false, Optional.empty());
    }

    /** The time, with a suffix when another session started in the same second. */
    private static String freeName(SessionStore store, LocalDateTime now) {
        String base = SessionStore.newName(now);
        String name = base;
        for (int i = 2; java.nio.file.Files.exists(store.pathOf(name)); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    private static String describe(ChatSession session) {
        int n = session.entries().size();
        return n + (n == 1 ? " message" : " messages") + ", model " + session.model();
    }
}
