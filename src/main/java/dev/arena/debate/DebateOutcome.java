package dev.arena.debate;

import java.util.Locale;

/**
 * How a debate run ended, as whoever ran it saw it: only the caller knows that stdout closed
 * or a transcript could not be written, so the debate itself cannot say. Every transcript
 * records it last, so a transcript cut short is never taken for a finished one.
 *
 * @param reason the sentence saying what stopped the run; null when it completed
 */
public record DebateOutcome(Result result, String reason) {

    public static final DebateOutcome COMPLETE = new DebateOutcome(Result.COMPLETE, null);

    public enum Result {
        /** Every round was spoken (and judged, when asked). */
        COMPLETE,
        /** Ctrl-C or a kill (SIGTERM). */
        INTERRUPTED,
        /** A turn or the judge failed on every model, or the account was refused. */
        FAILED,
        /** The reader of stdout went away ({@code | head}). */
        OUTPUT_CLOSED,
        /** A write failed: stdout, stderr or a transcript (a full disk, an I/O error). */
        WRITE_FAILED;

        /** {@code complete}, {@code output_closed}: as transcripts name it. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
