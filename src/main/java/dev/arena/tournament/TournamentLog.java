package dev.arena.tournament;

import dev.arena.debate.DebateListener;
import dev.arena.debate.Winner;

import java.util.Map;

/**
 * What a tournament records as it runs, so that a resume can go on where it stopped: the store
 * implements it. Every call only queues a write; {@link #sync} waits for them to be committed,
 * and the runner calls it before it asks for more, so a crash costs at most what was in flight.
 */
public interface TournamentLog {

    /** Records a new debate of {@code motion}; returns its id, under which its requests are recorded. */
    String newDebate(String motion);

    /**
     * The listener that records debate {@code debateId} turn by turn; {@code kept} turns of it
     * were recorded by an earlier run, and the new ones follow them.
     */
    DebateListener debateRecorder(String debateId, int kept);

    void debateStarted(Leg leg, String debateId);

    void reading(String debateId, PanelReading reading);

    /**
     * The debate ended in {@code state}; for a complete one, the panel's result, each judge's vote
     * (judge to winner), and whether a fallback model spoke for a fighter.
     */
    void debateEnded(Leg leg, DebateState state, Winner winner, Map<String, Winner> votes, boolean fallbackSpoke,
                     String error);

    /** Waits until everything recorded so far is committed. */
    void sync();
}
