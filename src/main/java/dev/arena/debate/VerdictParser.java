package dev.arena.debate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judge's answer into a {@link JudgeReading}, tolerantly: a judge that answers in
 * prose, wraps its JSON in a Markdown fence or chatter, spells keys its own way or sends
 * numbers as strings must never crash arena. It only costs a reading ({@code parsed=false},
 * winner TIE) when no clear verdict can be found at all.
 *
 * <p>The judge only knows "Debater A" (presented first) and "Debater B"; {@code presentedFirst}
 * maps them back to sides.
 */
final class VerdictParser {

    /** How much of a prose answer is kept as the rationale. */
    static final int PROSE_RATIONALE_CHARS = 500;

    private static final List<String> WINNER_KEYS = List.of("winner", "verdict", "decision", "result", "outcome");
    private static final List<String> RATIONALE_KEYS =
            List.of("rationale", "reasoning", "reason", "explanation", "justification", "summary");

    /** A bare A/B only counts when nothing word-like follows it: "winner is a close call" names no one. */
    private static final String BARE_END = "(?=\\s*(?:[.,;:!)\"'*\\]}\\n]|$))";
    private static final String NAMED = "debater\\s*[-_]?\\s*";

    private VerdictParser() {
    }

    static JudgeReading parse(String answer, Side presentedFirst) {
        String raw = answer == null ? "" : answer;
        Optional<JsonObject> json = verdictObject(raw);
        if (json.isPresent()) {
            JsonObject verdict = json.get();
            Map<Side, Scores> scores = scores(verdict, presentedFirst);
            String rationale = sides(rationale(verdict).orElseGet(() -> prose(raw)), presentedFirst);
            Optional<Outcome> winner = jsonWinner(verdict);
            if (winner.isEmpty()) {
                // The object held scores but no usable winner: the text around it may still say.
                winner = proseWinner(raw);
            }
            return winner
                    .map(outcome -> new JudgeReading(presentedFirst, outcome.winner(presentedFirst), scores,
                            rationale, raw, true))
                    .orElseGet(() -> new JudgeReading(presentedFirst, Winner.TIE, scores, rationale, raw, false));
        }
        Optional<Outcome> winner = proseWinner(raw);
        return new JudgeReading(presentedFirst, winner.map(o -> o.winner(presentedFirst)).orElse(Winner.TIE),
                Map.of(), sides(prose(raw), presentedFirst), raw, winner.isPresent());
    }

    /** "Debater A", "debater b", "Debater-A": the judge's names, as whole words. */
    private static final Pattern DEBATER_NAME =
            Pattern.compile("\\bdebater[\\s_-]?([ab])\\b", Pattern.CASE_INSENSITIVE);

    /**
     * The rationale in the user's terms: the judge only knew "Debater A" (presented first) and
     * "Debater B", which mean nothing to someone reading the verdict, and mean Pro in one reading
     * and Con in the other. Each becomes "Pro" or "Con" per {@code presentedFirst}.
     */
    static String sides(String rationale, Side presentedFirst) {
        if (rationale == null || rationale.isEmpty()) {
            return rationale;
        }
        return DEBATER_NAME.matcher(rationale).replaceAll(m -> {
            Side side = m.group(1).equalsIgnoreCase("a") ? presentedFirst : presentedFirst.opponent();
            return Matcher.quoteReplacement(side.label());
        });
    }

    /** What a judge can decide, in its own A/B terms. */
    private enum Outcome {
        A, B, TIE;

        Winner winner(Side presentedFirst) {
            return switch (this) {
                case A -> Winner.of(presentedFirst);
                case B -> Winner.of(presentedFirst.opponent());
                case TIE -> Winner.TIE;
            };
        }

        Side side(Side presentedFirst) {
            return this == A ? presentedFirst : presentedFirst.opponent();
        }
    }

    // ---- finding the JSON ------------------------------------------------------------------

    /**
     * The first balanced {...} in the text that parses as a JSON object and looks like a
     * verdict (has a winner or scores, at the top or one level down). Fences and chatter
     * around it are skipped simply by looking for braces.
     */
    private static Optional<JsonObject> verdictObject(String text) {
        for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
            int end = balancedEnd(text, start);
            if (end < 0) {
                continue; // unbalanced from here (a truncated answer): try a later brace
            }
            Optional<JsonObject> object = parseObject(text.substring(start, end + 1));
            if (object.isPresent()) {
                Optional<JsonObject> verdict = findVerdict(object.get(), 0);
                if (verdict.isPresent()) {
                    return verdict;
                }
            }
        }
        return Optional.empty();
    }

    /** The index of the brace closing the one at {@code start}, honouring strings and escapes; -1 if none. */
    static int balancedEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++; // whatever is escaped, a quote or a brace, is part of the string
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static Optional<JsonObject> parseObject(String candidate) {
        try {
            JsonElement element = JsonParser.parseString(candidate);
            return element.isJsonObject() ? Optional.of(element.getAsJsonObject()) : Optional.empty();
        } catch (RuntimeException | StackOverflowError e) { // malformed JSON of any kind is just not JSON
            return Optional.empty();
        }
    }

    private static Optional<JsonObject> findVerdict(JsonObject object, int depth) {
        // {"verdict":{"winner":...}} names its winner one level down, so only a plain value counts here.
        if (member(object, WINNER_KEYS).filter(JsonElement::isJsonPrimitive).isPresent()
                || member(object, List.of("scores", "score")).filter(JsonElement::isJsonObject).isPresent()
                || sideMember(object, Outcome.A).filter(JsonElement::isJsonObject).isPresent()) {
            return Optional.of(object);
        }
        if (depth < 2) {
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                if (entry.getValue().isJsonObject()) {
                    Optional<JsonObject> inner = findVerdict(entry.getValue().getAsJsonObject(), depth + 1);
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
        }
        return Optional.empty();
    }

    // ---- reading the JSON ------------------------------------------------------------------

    /** "Debater A", "debater_a", "DebaterA" and "debater-a" all become "debatera". */
    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static Optional<JsonElement> member(JsonObject object, List<String> names) {
        for (String name : names) {
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                if (normalize(entry.getKey()).equals(name) && !entry.getValue().isJsonNull()) {
                    return Optional.of(entry.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonElement> sideMember(JsonObject object, Outcome side) {
        String letter = side == Outcome.A ? "a" : "b";
        return member(object, List.of(letter, "debater" + letter, "side" + letter, "debater" + (side == Outcome.A ? "1" : "2")));
    }

    private static Optional<Outcome> jsonWinner(JsonObject verdict) {
        Optional<JsonElement> value = member(verdict, WINNER_KEYS);
        if (value.isEmpty() || !value.get().isJsonPrimitive()) {
            return Optional.empty();
        }
        String text = value.get().getAsString();
        Optional<Outcome> exact = switch (normalize(text)) {
            case "a", "debatera", "sidea" -> Optional.of(Outcome.A);
            case "b", "debaterb", "sideb" -> Optional.of(Outcome.B);
            case "tie", "draw", "tied", "even", "neither", "none" -> Optional.of(Outcome.TIE);
            default -> Optional.empty();
        };
        // "Debater A wins" or "A (narrowly)" as a value: read it like prose, or as a lone letter.
        return exact.or(() -> proseWinner("winner: " + text));
    }

    private static Map<Side, Scores> scores(JsonObject verdict, Side presentedFirst) {
        JsonObject holder = member(verdict, List.of("scores", "score"))
                .filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject).orElse(verdict);
        Map<Side, Scores> scores = new EnumMap<>(Side.class);
        for (Outcome debater : List.of(Outcome.A, Outcome.B)) {
            sideMember(holder, debater).filter(JsonElement::isJsonObject)
                    .flatMap(marks -> scoresOf(marks.getAsJsonObject()))
                    .ifPresent(s -> scores.put(debater.side(presentedFirst), s));
        }
        return scores;
    }

    /** A side's scores only when all four criteria can be read: a partial card would skew totals. */
    private static Optional<Scores> scoresOf(JsonObject marks) {
        Optional<Double> argument = mark(marks, List.of("argumentstrength", "argument", "arguments",
                "argumentsstrength", "strength", "strengthofargument", "strengthofarguments"));
        Optional<Double> rebuttal = mark(marks, List.of("rebuttal", "rebuttals"));
        Optional<Double> evidence = mark(marks, List.of("evidence"));
        Optional<Double> clarity = mark(marks, List.of("clarity"));
        if (argument.isEmpty() || rebuttal.isEmpty() || evidence.isEmpty() || clarity.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Scores(argument.get(), rebuttal.get(), evidence.get(), clarity.get()));
    }

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)");

    /** A number, or a string starting with one ("7", "8/10"), clamped to 1..10. */
    private static Optional<Double> mark(JsonObject marks, List<String> names) {
        return member(marks, names).filter(JsonElement::isJsonPrimitive).flatMap(value -> {
            JsonPrimitive primitive = value.getAsJsonPrimitive();
            Double number = null;
            if (primitive.isNumber()) {
                try {
                    number = primitive.getAsDouble();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            } else if (primitive.isString()) {
                Matcher m = LEADING_NUMBER.matcher(primitive.getAsString());
                if (m.find()) {
                    number = Double.parseDouble(m.group(1));
                }
            }
            if (number == null || number.isNaN() || number.isInfinite()) {
                return Optional.empty();
            }
            return Optional.of(Math.max(1.0, Math.min(10.0, number)));
        });
    }

    private static Optional<String> rationale(JsonObject verdict) {
        return member(verdict, RATIONALE_KEYS).filter(JsonElement::isJsonPrimitive)
                .map(JsonElement::getAsString).map(String::strip).filter(s -> !s.isEmpty());
    }

    // ---- prose -----------------------------------------------------------------------------

    private static final Map<Outcome, List<Pattern>> PROSE = new EnumMap<>(Outcome.class);

    static {
        for (Outcome debater : List.of(Outcome.A, Outcome.B)) {
            String x = debater == Outcome.A ? "a" : "b";
            PROSE.put(debater, List.of(
                    // "winner: A", "Winner is Debater B", "the winner is debater a", "**Winner:** A"
                    Pattern.compile("\\bwinner\\b[\\s*\"':=\\-]*(?:is\\s+|was\\s+)?[\\s*\"']*(?:" + NAMED + x + "\\b|" + x + BARE_END + ")"),
                    // "Debater B wins", "debater a is the winner", "Debater A won the debate"
                    Pattern.compile("\\b" + NAMED + x + "\\b[\\s*\"']*(?:clearly\\s+|narrowly\\s+)?"
                            + "(?:wins|won|prevails|prevailed|is\\s+the\\s+(?:clear\\s+)?winner|was\\s+the\\s+winner)\\b"),
                    // "the win goes to Debater A", "in favour of debater b", "victory to Debater A"
                    Pattern.compile("\\b(?:in\\s+favou?r\\s+of|victory\\s+(?:goes\\s+)?to|goes\\s+to|awarded\\s+to|win\\s+to)\\s+" + NAMED + x + "\\b")));
        }
        PROSE.put(Outcome.TIE, List.of(
                // "It's a tie", "this debate is a draw", "I declare a tie", "ends in a draw"
                Pattern.compile("\\b(?:it's|it\\s+is|is|was|a|declare|call\\s+it|ends?\\s+in|results?\\s+in)\\s+(?:a\\s+|an?\\s+even\\s+)?(?:tie|draw)\\b"),
                // "winner: tie", "Winner: none", "winner is neither"
                Pattern.compile("\\bwinner\\b[\\s*\"':=\\-]*(?:is\\s+)?[\\s*\"']*(?:tie|draw|none|neither)\\b"),
                // "Tie." as the whole answer
                Pattern.compile("^[\\s*\"'.]*(?:tie|draw)[\\s*\"'.!]*$"),
                Pattern.compile("\\bneither\\s+(?:debater|side)\\s+(?:clearly\\s+)?(?:wins|won|prevails)\\b")));
    }

    /**
     * The outcome a prose answer states, only if it states exactly one: a text naming both
     * debaters as winner (or a winner and a tie) is as good as no verdict.
     */
    private static Optional<Outcome> proseWinner(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'')
                .replace('\u201c', '"').replace('\u201d', '"');
        Set<Outcome> found = EnumSet.noneOf(Outcome.class);
        for (Map.Entry<Outcome, List<Pattern>> entry : PROSE.entrySet()) {
            for (Pattern pattern : entry.getValue()) {
                if (pattern.matcher(lower).find()) {
                    found.add(entry.getKey());
                    break;
                }
            }
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    private static String prose(String text) {
        String stripped = text.strip();
        return stripped.length() <= PROSE_RATIONALE_CHARS ? stripped : stripped.substring(0, PROSE_RATIONALE_CHARS);
    }
}
