package dev.arena.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Phase;
import dev.arena.debate.Scores;
import dev.arena.debate.Side;
import dev.arena.debate.Winner;
import dev.arena.openrouter.Usage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the debate tables (migration 2) hold the debate's values, both ways, so that what
 * {@link DebateRecorder} writes is exactly what {@link StoredDebate} reads back: sides, phases
 * and winners as lower-case words, model lists and fallbacks and scores as JSON, usage as five
 * columns that keep "not reported" apart from "invalid".
 */
final class DebateColumns {

    private DebateColumns() {
    }

    static String word(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    static Side side(String word) {
        return Side.valueOf(word.toUpperCase(Locale.ROOT));
    }

    static Phase phase(String word) {
        return Phase.valueOf(word.toUpperCase(Locale.ROOT));
    }

    static Winner winner(String word) {
        return word == null ? null : Winner.valueOf(word.toUpperCase(Locale.ROOT));
    }

    static String strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a.toString();
    }

    static List<String> strings(String json) {
        List<String> values = new ArrayList<>();
        JsonParser.parseString(json).getAsJsonArray().forEach(e -> values.add(e.getAsString()));
        return values;
    }

    /** {@code [{"from", "to", "reason", "continuing"}]}, named as the JSON transcripts name them. */
    static String notes(List<FallbackNote> notes) {
        JsonArray a = new JsonArray();
        for (FallbackNote note : notes) {
            JsonObject o = new JsonObject();
            o.addProperty("from", note.fromModel());
            o.addProperty("to", note.toModel());
            o.addProperty("reason", note.reason());
            o.addProperty("continuing", note.continuing());
            a.add(o);
        }
        return a.toString();
    }

    static List<FallbackNote> notes(String json) {
        List<FallbackNote> notes = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            notes.add(new FallbackNote(text(o, "from"), text(o, "to"), text(o, "reason"), o.get("continuing").getAsBoolean()));
        }
        return notes;
    }

    /** {@code {"argument_strength", "rebuttal", "evidence", "clarity"}}, or SQL NULL for no marks. */
    static String scores(Scores s) {
        if (s == null) {
            return null;
        }
        JsonObject o = new JsonObject();
        o.addProperty("argument_strength", s.argumentStrength());
        o.addProperty("rebuttal", s.rebuttal());
        o.addProperty("evidence", s.evidence());
        o.addProperty("clarity", s.clarity());
        return o.toString();
    }

    static Scores scores(String json) {
        if (json == null) {
            return null;
        }
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return new Scores(o.get("argument_strength").getAsDouble(), o.get("rebuttal").getAsDouble(),
                o.get("evidence").getAsDouble(), o.get("clarity").getAsDouble());
    }

    /**
     * Sets {@code prompt_tokens, completion_tokens, cost_usd, cost_estimated, usage_invalid} from
     * parameter {@code first} on: counts are NULL when nothing was reported or when they were invalid.
     */
    static void setUsage(PreparedStatement s, int first, Usage usage) throws SQLException {
        Usage u = usage == null ? Usage.NONE : usage;
        boolean counted = !u.isNone() && !u.invalid();
        setLong(s, first, counted ? u.promptTokens() : null);
        setLong(s, first + 1, counted ? u.completionTokens() : null);
        if (u.cost() == null) {
            s.setNull(first + 2, Types.REAL);
        } else {
            s.setDouble(first + 2, u.cost());
        }
        s.setInt(first + 3, u.costEstimated() ? 1 : 0);
        s.setInt(first + 4, u.invalid() ? 1 : 0);
    }

    static Usage usage(ResultSet row) throws SQLException {
        if (row.getInt("usage_invalid") != 0) {
            return Usage.INVALID;
        }
        Long prompt = nullableLong(row, "prompt_tokens");
        Long completion = nullableLong(row, "completion_tokens");
        double cost = row.getDouble("cost_usd");
        Double reported = row.wasNull() ? null : cost;
        if (prompt == null && completion == null && reported == null) {
            return Usage.NONE;
        }
        return new Usage(prompt == null ? 0 : prompt, completion == null ? 0 : completion, reported,
                row.getInt("cost_estimated") != 0);
    }

    static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, value);
        }
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
