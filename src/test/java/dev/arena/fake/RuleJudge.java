package dev.arena.fake;

import java.util.List;

/**
 * A judge that follows a rule, for tournaments in tests and the bench: each fighter says
 * "I am MODEL.", and the judge names as winner whichever debater is the stronger of the two in
 * a fixed order of strength (read from their words, since judges never see the ids), or, when
 * biased, always the debater it reads first. Its answer is the JSON verdict arena asks for.
 */
public final class RuleJudge {

    private RuleJudge() {
    }

    /** What fighter {@code model} says in every turn. */
    public static String says(String model) {
        return "I am " + model + ".";
    }

    /** The verdict on {@code transcript} (the judge's user message); {@code strength} from weakest to strongest. */
    public static String verdict(String transcript, List<String> strength, boolean biased) {
        int a = transcript.indexOf("\nDebater A:\n");
        int b = transcript.indexOf("\nDebater B:\n");
        String first = transcript.substring(a, b);
        int end = transcript.indexOf('\n', b + "\nDebater B:\n".length());
        String second = transcript.substring(b, end < 0 ? transcript.length() : end);
        String winner = biased || rank(first, strength) >= rank(second, strength) ? "A" : "B";
        return "{\"winner\":\"" + winner + "\",\"scores\":{\"A\":{\"argument_strength\":5,\"rebuttal\":5,\"evidence\":5,"
                + "\"clarity\":5},\"B\":{\"argument_strength\":5,\"rebuttal\":5,\"evidence\":5,\"clarity\":5}},"
                + "\"rationale\":\"By rule.\"}";
    }

    private static int rank(String said, List<String> strength) {
        for (int i = strength.size() - 1; i >= 0; i--) {
            if (said.contains(says(strength.get(i)))) {
                return i;
            }
        }
        return -1;
    }
}
