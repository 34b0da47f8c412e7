package dev.arena.files;

/**
 * Who a file arena writes is for, which decides its permissions. A file the user named
 * ({@code --out}, {@code /save}, {@code logs export}) is theirs and follows their umask, as
 * {@code cp} or a shell redirect would; a file arena keeps for itself (sessions, history, the
 * store, caches) may hold prompts and answers and is readable by the owner only (0600).
 */
public enum Visibility {
    /** Owner only (0600), whatever the umask. */
    PRIVATE,
    /** The permissions a new file gets from the user's umask. */
    USER_CHOICE
}
