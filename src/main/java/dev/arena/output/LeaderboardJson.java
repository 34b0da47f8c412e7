package dev.arena.output;

import com.google.gson.JsonArray;
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
 * <p>Numbers are decimals of a fixed scale, which Gson writes plainly (a double would be written
 * as {@code 3.0E-5}): ratings to one decimal, as the table shows them, win rates to three, costs
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
        m.addProperty("rating", decimal(row.rating(), 1));
        m.addProperty("ci_low", decimal(row.ciLow(), 1));
        m.addProperty("ci_high", decimal(row.ciHigh(), 1));
        m.addProperty("wins", row.standing().wins());
        m.addProperty("losses", row.standing().losses());
        m.addProperty("ties", row.standing().ties());
        m.addProperty("debates", row.standing().debates());
        m.addProperty("pro_win_rate", rate(row.standing().proWinRate()));
        m.addProperty("con_win_rate", rate(row.standing().conWinRate()));
        m.addProperty("cost_per_debate", decimal(row.costPerDebate(), 6));
        m.addProperty("failed", row.failed());
        m.addProperty("left_out", row.leftOut());
        return m;
    }

    private static BigDecimal rate(OptionalDouble rate) {
        return rate.isPresent() ? decimal(rate.getAsDouble(), 3) : null;
    }

    /** Scale 6 at most: up to there BigDecimal's toString, which Gson writes, is never in E notation. */
    private static BigDecimal decimal(Double value, int scale) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }
}
