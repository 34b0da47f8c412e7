package dev.arena.ratings;

/** How one debate ended, in terms of its sides. */
public enum Outcome {
    PRO_WON(1),
    CON_WON(0),
    /** Also what a panel without a majority gives, and a judge that only ever favours a position. */
    TIE(0.5);

    private final double proScore;

    Outcome(double proScore) {
        this.proScore = proScore;
    }

    /** What Pro scored: a win is 1, a tie half a win each way. */
    double proScore() {
        return proScore;
    }
}
