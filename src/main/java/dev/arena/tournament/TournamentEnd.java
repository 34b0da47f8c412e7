package dev.arena.tournament;

/**
 * How a run of a tournament ended: its status, the sentence that says why it stopped early
 * (null when complete), the debates finished (in all runs), failed and not yet run, and the
 * money spent in all runs.
 */
public record TournamentEnd(TournamentStatus status, String reason, int complete, int failed, int unfinished,
                            int total, double spent) {
}
