package dev.arena.debate;

/** The two sides of a debate: Pro argues for the topic, Con against it. */
public enum Side {
    PRO("Pro", "for"),
    CON("Con", "against");

    private final String label;
    private final String stance;

    Side(String label, String stance) {
        this.label = label;
        this.stance = stance;
    }

    /** "Pro" or "Con", as headers show it. */
    public String label() {
        return label;
    }

    /** "for" or "against" the topic. */
    public String stance() {
        return stance;
    }

    public Side opponent() {
        return this == PRO ? CON : PRO;
    }
}
