package dev.arena.debate;

/** What a round is for: the first opens, the last closes, those between rebut. */
public enum Phase {
    OPENING("opening statement", "Present your strongest case and set out your main arguments."),
    REBUTTAL("rebuttal", "Answer your opponent's latest arguments directly, then strengthen your own case."),
    CLOSING("closing statement", "Sum up: show why your side has won the debate. Bring no new arguments.");

    private final String label;
    private final String instruction;

    Phase(String label, String instruction) {
        this.label = label;
        this.instruction = instruction;
    }

    /** The phase of {@code round} (1-based) in a debate of {@code rounds}; a one-round debate is openings only. */
    public static Phase of(int round, int rounds) {
        if (round == 1) {
            return OPENING;
        }
        return round == rounds ? CLOSING : REBUTTAL;
    }

    public String label() {
        return label;
    }

    public String instruction() {
        return instruction;
    }
}
