package dev.arena.tournament;

import dev.arena.debate.Turn;

import java.util.List;

/**
 * One scheduled debate as a run of the tournament finds it: new ({@code debateId} null), or
 * begun by an earlier run, with the turns it completed and the panel readings it has, which
 * are kept and never asked for again.
 */
public record PlannedDebate(Leg leg, String motion, String debateId, DebateState state, List<Turn> spoken,
                            List<PanelReading> readings) {

    public PlannedDebate {
        spoken = List.copyOf(spoken);
        readings = List.copyOf(readings);
    }

    public static PlannedDebate fresh(Leg leg, String motion) {
        return new PlannedDebate(leg, motion, null, DebateState.PENDING, List.of(), List.of());
    }

    public boolean complete() {
        return state == DebateState.COMPLETE;
    }
}
