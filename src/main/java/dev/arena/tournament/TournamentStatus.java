package dev.arena.tournament;

import java.util.Locale;

/** How a run of a tournament ended, as {@code tournaments.status} names it. */
public enum TournamentStatus {
    RUNNING, COMPLETE, BUDGET, INTERRUPTED, FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TournamentStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
