package dev.arena.repl;

import dev.arena.files.WriteLock;

import java.util.Optional;

/**
 * What a chat starts with: the session (settings and history), its place in the store, and
 * the session's lock, held until closed, so that no second chat writes the same session
 * meanwhile ({@link Repl#run} closes it when it ends).
 *
 * @param resumed the session was read from the store
 * @param note    something to tell the user first, e.g. that there was nothing to continue
 * @param lock    null for a new conversation, which nobody else can know of yet
 */
public record SessionStart(ChatSession session, KeptSession kept, boolean resumed, Optional<String> note,
                           WriteLock lock) implements AutoCloseable {

    /** The same start, telling the user {@code text} first. */
    public SessionStart withNote(String text) {
        return new SessionStart(session, kept, resumed, Optional.of(text), lock);
    }

    /** Lets go of the session: another chat may open it now. */
    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
    }
}
