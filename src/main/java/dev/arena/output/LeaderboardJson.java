package dev.arena.output;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.arena.leaderboard.LeaderboardTable;
import dev.arena.leaderboard.ModelRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * A leaderboard as the JSON object the README fixes: {@code tournament}, then {@code models}
 * with {@code rank, model, rating, ci_low, ci_high, wins, losses, ties, debates} first, then
 * {@code pro_win_rate, con_win_rate, cost_per_debate, failed, left_out}, then {@code warnings}.
 * Null where a model has no rated debate (rank, rating, interval, win rates) or a cost is
 * unknown.
 *
 * <p>Numbers are plain decimals of a fixed scale (never {@code 3.0E-5}): ratings to one decimal, as the table shows them, win rates to three, costs
 * to six (a millionth of a dollar).
 */
public final class LeaderboardJson {

    private LeaderboardJson() {
    }

    public static JsonObject of(LeaderboardTable table) {
        JsonObject o = new JsonObject();
        o.addProperty("tournament", table.name());
        JsonArray models = new JsonArray();
        for (ModelRow row : table.models()) {
            models.add(model(row));
        }
        o.add("models", models);
        JsonArray warnings = new JsonArray();
        table.warnings().forEach(warnings::add);
        o.add("warnings", warnings);
        return o;
    }

    private static JsonObject model(ModelRow row) {
        JsonObject m = new JsonObject();
        m.addProperty("rank", row.rank());
        m.addProperty("model", row.model());
        m.add("rating", decimal(row.rating(), 1));
        m.add("ci_low", decimal(row.ciLow(), 1));
        m.add("ci_high", decimal(row.ciHigh(), 1));
        m.addProperty("wins", row.standing().wins());
        m.addProperty("losses", row.standing().losses());
        m.addProperty("ties", row.standing().ties());
        m.addProperty("debates", row.standing().debates());
        m.add("pro_win_rate", rate(row.standing().proWinRate()));
        m.add("con_win_rate", rate(row.standing().conWinRate()));
        m.add("cost_per_debate", decimal(row.costPerDebate(), 6));
        m.addProperty("failed", row.failed());
        m.addProperty("left_out", row.leftOut());
        return m;
    }

    private static JsonElement rate(OptionalDouble rate) {
        return decimal(rate.isPresent() ? rate.getAsDouble() : null, 3);
    }

    /** Rounded to a fixed scale, so that the same store prints the same bytes; written plainly by {@link JsonLines#decimal}. */
    private static JsonElement decimal(Double value, int scale) {
        return JsonLines.decimal(value == null ? null : BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP));
    }
}
