package dev.arena.openrouter;

/** The user (Ctrl-C) or the output (a closed pipe) stopped the request; not a model failure. */
public final class CancelledException extends Exception {

    public CancelledException() {
        super("cancelled");
    }
}
