package dev.arena.tournament;

import dev.arena.debate.Winner;

import java.util.Map;

/**
 * How one debate of a tournament ended: its state, and for a complete one the panel's result
 * and each judge's vote; {@code cost} is what this run of it cost (null when nobody reported it);
 * {@code error} says why an unfinished one stopped.
 */
public record DebateEnd(Leg leg, String motion, String debateId, DebateState state, Winner winner,
                        Map<String, Winner> votes, boolean fallbackSpoke, Double cost, String error) {

    public DebateEnd {
        votes = votes == null ? Map.of() : Map.copyOf(votes);
    }
}
