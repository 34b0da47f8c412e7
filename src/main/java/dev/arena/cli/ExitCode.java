package dev.arena.cli;

/** arena's exit codes; listed in {@code arena --help} and the README, so scripts can rely on them. */
public final class ExitCode {

    public static final int OK = 0;
    /** The request failed: every model of the chain failed, the server's answer was malformed, or a write failed. */
    public static final int FAILED = 1;
    /** A bad flag or value, or a file that must not be written (exists, not replaceable, another arena writes it). */
    public static final int USAGE = 2;
    /** Configuration or authentication: no key, a refused key (401), no credits (402). */
    public static final int CONFIG = 3;
    /** A tournament's budget is reached: it stopped starting requests, and a resume with a larger one goes on. */
    public static final int BUDGET = 4;
    /** Interrupted by Ctrl-C. */
    public static final int INTERRUPTED = 130;

    /** The exit codes as picocli lists them under "Exit codes:" in every command's help. */
    static final String HELP_0 = "0:success";
    static final String HELP_1 = "1:the request failed (every model of the chain failed, a malformed server answer, or a failed write such as a full disk)";
    static final String HELP_2 = "2:usage error (a bad flag or value; an --out file that exists, without --force, or that another arena writes)";
    static final String HELP_3 = "3:configuration or authentication (no API key, key refused (401), no credits (402), a bad config or key file); a store that logs, replay or chat -c cannot read";
    static final String HELP_TOURNAMENT_1 = "1:some debates failed on every model (they are tried again on a resume), or a write failed";
    static final String HELP_BUDGET = "4:the --budget is reached (resume with a larger one to finish)";
    static final String HELP_130 = "130:interrupted (Ctrl-C)";
    /** Not returned by arena's code: the JVM's status after a SIGTERM, once the shutdown hook let the run finish its writes. */
    static final String HELP_143 = "143:terminated by kill (SIGTERM); what arrived is kept, a transcript finished first";

    private ExitCode() {
    }
}
