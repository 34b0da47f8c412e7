package dev.arena.tournament;

/**
 * What a running tournament tells its views (the live status on a terminal, a line per debate
 * on a pipe, JSON events): called from the debates' threads, so every view is thread-safe.
 */
public interface TournamentListener {

    /** {@code total} debates are scheduled, {@code done} of them were finished by earlier runs. */
    default void started(TournamentSpec spec, int total, int done) {
    }

    default void debateStarted(Leg leg, String debateId) {
    }

    default void debateEnded(DebateEnd end) {
    }

    default void finished(TournamentEnd end) {
    }
}
