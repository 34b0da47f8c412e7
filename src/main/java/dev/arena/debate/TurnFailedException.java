package dev.arena.debate;

/** Every model of a fighter's chain failed; the debate stopped after recording the failed turn. */
public final class TurnFailedException extends Exception {

    private final transient Turn turn;

    public TurnFailedException(Turn turn) {
        super("round " + turn.round() + ", " + turn.side().label() + ": " + turn.error());
        this.turn = turn;
    }

    public Turn turn() {
        return turn;
    }
}
