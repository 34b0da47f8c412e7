package dev.arena.tournament;

import java.util.List;
import java.util.Locale;

/**
 * Model families, for keeping judges off debates they would be partial to: LLM judges rate
 * text of their own family (their own style, their own training data) above others'. A
 * model's family is the vendor prefix of its id, {@code openai} for {@code openai/gpt-4o},
 * compared without case; an id with no {@code /} (a local model) is a family of its own.
 * OpenRouter's leading {@code ~} (as in {@code ~google/gemini-pro-latest}, an id that follows
 * the newest model) is no part of the vendor.
 */
public final class Families {

    private Families() {
    }

    public static String of(String modelId) {
        String id = modelId.strip();
        if (id.startsWith("~")) {
            id = id.substring(1);
        }
        int slash = id.indexOf('/');
        return (slash < 0 ? id : id.substring(0, slash)).toLowerCase(Locale.ROOT);
    }

    /**
     * The judges of one debate: those of a family neither fighter belongs to, in the panel's
     * order. When that leaves nobody (every judge shares a fighter's family), the whole panel
     * judges: a verdict from a possibly partial judge is better than none, and the rule is only
     * meant to apply when there are others to judge.
     */
    public static List<String> panel(List<String> judges, String pro, String con) {
        String proFamily = of(pro);
        String conFamily = of(con);
        List<String> impartial = judges.stream()
                .filter(j -> !of(j).equals(proFamily) && !of(j).equals(conFamily))
                .toList();
        return impartial.isEmpty() ? List.copyOf(judges) : impartial;
    }
}
