package dev.arena.debate;

/** Who a notice of a debate is about: one of the fighters, or the judge. */
public enum Speaker {
    PRO("Pro"),
    CON("Con"),
    JUDGE("Judge");

    private final String label;

    Speaker(String label) {
        this.label = label;
    }

    /** The speaker of {@code side}. */
    public static Speaker of(Side side) {
        return side == Side.PRO ? PRO : CON;
    }

    /** "Pro", "Con" or "Judge", as notices and transcripts name it. */
    public String label() {
        return label;
    }

    /** Whether this is one of the fighters, whose notices belong to a turn. */
    public boolean isFighter() {
        return this != JUDGE;
    }
}
