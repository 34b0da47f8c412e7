package dev.arena.repl;

import dev.arena.store.ChatSettings;
import dev.arena.store.HistoryMessage;
import dev.arena.store.SessionRecorder;
import dev.arena.store.StoreWriter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A chat session's place in the store: its conversation (recorded at its first request, or at
 * once for a named session), and what changes besides requests: settings, a history that starts
 * again. Writes go through the store's writer, so the chat never waits for the database and a
 * store that fails costs records, never the chat; its first problem is kept for one warning.
 */
public final class KeptSession {

    private final SessionRecorder recorder;
    private final StoreWriter writer;
    private final String id;
    private final String name;
    private boolean started;
    private boolean warned;

    KeptSession(SessionRecorder recorder, StoreWriter writer, String id, String name, boolean started) {
        this.recorder = recorder;
        this.writer = writer;
        this.id = id;
        this.name = name;
        this.started = started;
    }

    public String id() {
        return id;
    }

    /** The session's name, or null for a conversation without one. */
    public String name() {
        return name;
    }

    /** "session NAME", or "conversation ID" for one without a name. */
    public String label() {
        return name != null ? "session " + name : "conversation " + id;
    }

    /** False when logging is off: nothing of this chat is kept. */
    public boolean kept() {
        return writer.enabled();
    }

    /** True once the conversation is (or is on its way to being) in the store. */
    public boolean started() {
        return started;
    }

    /** The conversation the next request belongs to, recorded first when this is its first request. */
    public String conversationFor(ChatSession session) {
        if (!started) {
            String title = session.entries().stream().filter(ChatSession.Entry::isUser).findFirst()
                    .map(ChatSession.Entry::content).orElse(name == null ? "interactive chat" : name);
            recorder.start(id, name, title, settings(session), Instant.now());
            started = true;
        }
        return id;
    }

    /** The session's settings changed (/model, /system, /fallback, /temperature, or options on resuming). */
    void settingsChanged(ChatSession session) {
        if (started) {
            recorder.settings(id, settings(session), Instant.now());
        }
    }

    /** The history starts again with the session's messages (/clear: none; /load: the file's). */
    void historyReplaced(ChatSession session) {
        if (!started && session.isEmpty()) {
            return;
        }
        conversationFor(session);
        recorder.restart(id, settings(session), messages(session), Instant.now());
    }

    /** The store's first problem, once. */
    Optional<String> takeWarning() {
        Optional<String> warning = writer.takeWarning();
        warned |= warning.isPresent();
        return warning;
    }

    /** Waits until everything is written; then the store's problem, if one came late. */
    Optional<String> finish() {
        writer.close();
        return takeWarning();
    }

    /** True when the store reported a problem: the session in it may lack what came after. */
    boolean warned() {
        return warned;
    }

    static ChatSettings settings(ChatSession s) {
        return new ChatSettings(s.model(), s.fallbacks(), s.system(), s.temperature(), s.maxTokens(), s.seed());
    }

    static List<HistoryMessage> messages(ChatSession s) {
        return s.entries().stream().map(e -> new HistoryMessage(e.role(), e.content(), e.model(), e.cut())).toList();
    }
}
