package dev.arena.debate;

/** A judge's decision. */
public enum Winner {
    PRO, CON, TIE;

    public static Winner of(Side side) {
        return side == Side.PRO ? PRO : CON;
    }
}
