package dev.arena.debate;

import java.util.List;

/**
 * What a debate run gave: its id, every turn in speaking order (those it continued from
 * first), and its summary.
 */
public record DebateResult(String debateId, List<Turn> turns, DebateSummary summary) {

    public DebateResult {
        turns = List.copyOf(turns);
    }

    /** The judge's verdict; null when no judge was asked. */
    public Verdict verdict() {
        return summary.verdict();
    }
}
