package dev.arena.cli;

/** arena's exit codes; listed in {@code arena --help} and the README, so scripts can rely on them. */
public final class ExitCode {

    public static final int OK = 0;
    /** The request failed: every model of the chain failed, or the server's answer was malformed. */
    public static final int FAILED = 1;
    /** A bad flag or value. */
    public static final int USAGE = 2;
    /** Configuration or authentication: no key, a refused key (401), no credits (402). */
    public static final int CONFIG = 3;
    /** Interrupted by Ctrl-C. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
