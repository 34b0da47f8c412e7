package dev.arena.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean ...?": the known ids nearest to one that is not known. An id counts as
 * near when one contains the other (ignoring case, with or without the {@code author/}
 * prefix: {@code gpt-4o-mini} finds {@code openai/gpt-4o-mini}), or when few edits turn
 * one into the other ({@code deepseek/deepseek-chatt}, {@code meta/llama-3-70b}).
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** Up to {@code max} ids near {@code wanted}, nearest first; empty when none is near. */
    public static List<String> nearest(String wanted, Collection<String> known, int max) {
        String w = normal(wanted);
        if (w.isEmpty() || max <= 0) {
            return List.of();
        }
        record Scored(String id, int score) { }
        List<Scored> scored = new ArrayList<>();
        for (String id : known) {
            int score = score(w, normal(id));
            if (score >= 0) {
                scored.add(new Scored(id, score));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(s -> s.id().length()).thenComparing(Scored::id))
                .limit(max)
                .map(Scored::id)
                .toList();
    }

    /** Lower is nearer; -1 means not near at all. Containment beats any edit distance. */
    private static int score(String wanted, String id) {
        if (id.equals(wanted)) {
            return 0;
        }
        String slug = slug(id);
        String wantedSlug = slug(wanted);
        if (slug.equals(wantedSlug)) {
            return 1; // the right model under another author prefix, or without one
        }
        if (id.contains(wanted) || wanted.contains(slug) && slug.length() >= 3) {
            return 2 + Math.abs(id.length() - wanted.length()) / 4;
        }
        int distance = Math.min(distance(wanted, id), distance(wantedSlug, slug));
        int allowed = Math.max(2, Math.min(wanted.length(), id.length()) / 4);
        return distance <= allowed ? 10 + distance : -1;
    }

    private static String slug(String id) {
        int slash = id.lastIndexOf('/');
        String s = slash < 0 ? id : id.substring(slash + 1);
        int colon = s.indexOf(':');
        return colon < 0 ? s : s.substring(0, colon); // ":free", ":nitro" are variants of the same model
    }

    private static String normal(String id) {
        return id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
