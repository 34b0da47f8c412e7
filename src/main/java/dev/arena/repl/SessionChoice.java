package dev.arena.repl;

/**
 * Which conversation a chat goes on from: a new one, the session {@code NAME} ({@code --session},
 * started when there is none), the last chat conversation ({@code -c}), or one by its id or a
 * unique prefix of it ({@code --cid}).
 */
public record SessionChoice(Kind kind, String value) {

    public enum Kind {
        NEW, NAMED, LAST, ID
    }

    public static SessionChoice fresh() {
        return new SessionChoice(Kind.NEW, null);
    }

    public static SessionChoice named(String name) {
        return new SessionChoice(Kind.NAMED, SessionStore.checkName(name));
    }

    public static SessionChoice last() {
        return new SessionChoice(Kind.LAST, null);
    }

    public static SessionChoice id(String idOrPrefix) {
        return new SessionChoice(Kind.ID, idOrPrefix);
    }

    /** True when the chat goes on from a conversation in the store, which must then be read first. */
    public boolean continues() {
        return kind != Kind.NEW;
    }
}
