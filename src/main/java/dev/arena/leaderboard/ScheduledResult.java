package dev.arena.leaderboard;

import dev.arena.debate.Winner;
import dev.arena.tournament.DebateState;
import dev.arena.tournament.Leg;

import java.util.Objects;

/**
 * One scheduled debate of a tournament as far as it went: what a leaderboard is built from.
 *
 * @param winner        the panel's result of a complete debate; null for any other
 * @param fallbackSpoke a fallback model spoke for a fighter, so the debate is not rated: its
 *                      result is partly another model's
 * @param proCost       what Pro's turns cost in dollars; null when unknown (a turn was answered
 *                      at no known price, or none was recorded)
 * @param conCost       the same for Con's turns
 */
public record ScheduledResult(String tournament, Leg leg, DebateState state, Winner winner, boolean fallbackSpoke,
                              Double proCost, Double conCost) {

    public ScheduledResult {
        Objects.requireNonNull(tournament, "tournament");
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(state, "state");
    }

    /** Complete with a result from the panel: rated, unless a fallback spoke. */
    boolean judged() {
        return state == DebateState.COMPLETE && winner != null;
    }
}
