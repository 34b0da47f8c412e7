package dev.arena.tournament;

/**
 * How far a run of a tournament has got, counted from what its listener is told, for the views
 * that show it (the live status, JSON progress events), so that they count alike. Debates start
 * and end on many threads, so every call is synchronized.
 */
public final class TournamentProgress {

    /**
     * @param total      debates scheduled
     * @param doneBefore debates finished by earlier runs
     * @param done       debates finished, in all runs
     * @param running    debates under way
     * @param failed     debates that failed in this run
     * @param ended      debates that ended in this run, however they ended
     * @param spent      what the debates that ended in this run cost; null while none reported a cost
     */
    public record Counts(int total, int doneBefore, int done, int running, int failed, int ended, Double spent) {

        /** Debates this run has still to end: not finished before, and not ended yet. */
        public int toGo() {
            return Math.max(0, total - doneBefore - ended);
        }
    }

    private int total;
    private int doneBefore;
    private int done;
    private int running;
    private int failed;
    private int ended;
    private Double spent;

    public synchronized void started(int total, int done) {
        this.total = total;
        this.doneBefore = done;
        this.done = done;
    }

    public synchronized void debateStarted() {
        running++;
    }

    public synchronized void debateEnded(DebateEnd end) {
        // A view that failed in debateStarted may leave the count short: never below zero.
        running = Math.max(0, running - 1);
        ended++;
        if (end.state() == DebateState.COMPLETE) {
            done++;
        } else if (end.state() == DebateState.FAILED) {
            failed++;
        }
        if (end.cost() != null) {
            spent = (spent == null ? 0 : spent) + end.cost();
        }
    }

    public synchronized Counts counts() {
        return new Counts(total, doneBefore, done, running, failed, ended, spent);
    }
}
