package dev.arena.tournament;

import java.util.Locale;

/** Where a scheduled debate stands, as {@code tournament_debates.status} names it. */
public enum DebateState {
    /** Not begun. */
    PENDING,
    /** Being run (or the arena running it died: a resume takes it up). */
    RUNNING,
    /** Every turn spoken and the panel's verdict given. */
    COMPLETE,
    /** A turn or a judge failed on every model; tried again on a resume. */
    FAILED,
    /** Ctrl-C, a kill, or a 401/402 that stopped the tournament; continued on a resume. */
    INTERRUPTED,
    /** Stopped because its next request could pass the budget; continued on a resume. */
    BUDGET;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DebateState of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
