package dev.arena.store;

/**
 * The store cannot be used: its message is one sentence for the user, naming the file and
 * the reason. Commands that only record warn with it and go on; commands that read the store
 * fail with it (exit 3).
 */
public final class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
