package dev.arena.openrouter;

/** The user stopped the request (Ctrl-C, or a kill); not a model failure. */
public final class CancelledException extends Exception {

    public CancelledException() {
        super("cancelled");
    }
}
