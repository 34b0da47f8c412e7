package dev.arena.demo;

import java.util.List;

/**
 * What the demo's scripted speakers say: the turns of a two-round debate on any topic, and the
 * judge's verdict. Each speaker is named {@code demo/...} and claims to be nothing else. Pro's
 * closing is spoken by {@link #PRO_BACKUP}, because {@link #PRO} is scripted to fail it (see
 * {@link DemoServer}), so the user sees a fallback at work.
 */
public final class DemoScript {

    public static final String PRO = "demo/pro";
    public static final String PRO_BACKUP = "demo/pro-backup";
    public static final String CON = "demo/con";
    public static final String JUDGE = "demo/judge";

    /** The topic when the user names none. */
    public static final String DEFAULT_TOPIC = "Cities should ban cars from their centres";

    private final String topic;

    public DemoScript(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** Pro's opening: the only turn {@link #PRO} answers. */
    String proOpening() {
        return "I argue for the motion: **" + topic + "**.\n\n"
                + "1. **The gains are concrete.** Those who would benefit can be named today, and what they gain"
                + " adds up year after year.\n"
                + "2. **The costs can be managed.** Every change has a price, but this one can be phased in, measured,"
                + " and corrected as we learn.\n"
                + "3. **Standing still is a choice too.** Doing nothing has costs of its own; they are only less"
                + " visible.\n\n"
                + "The question is not whether there are risks, but whether we can handle them. We can.";
    }

    /** Con's opening, answering Pro's. */
    String conOpening() {
        return "My opponent makes it sound simple. It is not. I argue against the motion: **" + topic + "**.\n\n"
                + "- **Good intentions are not results.** A plan that looks right on paper meets people who behave"
                + " otherwise than it expects.\n"
                + "- **The costs fall unevenly.** Those who pay are rarely those who gain, and they have the least"
                + " say.\n"
                + "- **Reversal is hard.** Once adopted, a change like this builds interests of its own and is hard"
                + " to undo if it fails.\n\n"
                + "Caution is not fear; it is *respect for what we do not know*.";
    }

    /** Pro's closing, spoken by {@link #PRO_BACKUP} after {@link #PRO} failed it. */
    String proClosing() {
        return "Con says the results may disappoint. But waiting for certainty means waiting forever. We agree that"
                + " the costs must be shared fairly: that is an argument for doing this well, not for not doing it.\n\n"
                + "> A change that can be measured can be corrected.\n\n"
                + "That is why I ask you to support the motion: " + topic + ".";
    }

    /** Con's closing. */
    String conClosing() {
        return "Pro asks us to trust that problems will be fixed later. Later is where good plans go to be forgotten."
                + " I do not say never; I say not like this, not yet, and not without those who would bear the cost.\n\n"
                + "For that reason the motion, " + topic + ", should be rejected.";
    }

    /** Con's turns in the order it speaks them. */
    List<String> conTurns() {
        return List.of(conOpening(), conClosing());
    }

    /**
     * The verdict, as JSON in the shape arena asks judges for. {@code judgeRequest} is the judge's
     * user message: it says which side is "Debater A" in this reading, so both readings name
     * the same side. Which side wins depends on the topic only, so a given topic always ends the
     * same way and different topics do not all end alike.
     */
    String verdict(String judgeRequest) {
        boolean proIsA = judgeRequest.contains("Debater A argued for");
        boolean proWins = Math.floorMod(topic.hashCode(), 2) == 0;
        String winner = proWins == proIsA ? "A" : "B";
        String loser = winner.equals("A") ? "B" : "A";
        return "{\"winner\":\"" + winner + "\",\"scores\":{\"" + winner + "\":" + scores(7, 7, 6, 8) + ",\""
                + loser + "\":" + scores(6, 5, 5, 7) + "},\"rationale\":\"Debater " + winner
                + " made the more concrete case and answered the other's strongest point directly; Debater " + loser
                + " raised fair concerns but supported them less. (A scripted verdict: the demo judge reads no"
                + " arguments.)\"}";
    }

    private static String scores(int strength, int rebuttal, int evidence, int clarity) {
        return "{\"argument_strength\":" + strength + ",\"rebuttal\":" + rebuttal + ",\"evidence\":" + evidence
                + ",\"clarity\":" + clarity + "}";
    }
}
