package dev.arena.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.arena.store.StoreException;
import dev.arena.debate.Winner;
import dev.arena.output.JsonLines;
import dev.arena.output.TextSink;
import dev.arena.tournament.DebateEnd;
import dev.arena.tournament.Leg;
import dev.arena.tournament.TournamentEnd;
import dev.arena.tournament.TournamentListener;
import dev.arena.tournament.TournamentProgress;
import dev.arena.tournament.TournamentSpec;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code arena tournament --json}: one JSON object per line on stdout, each with {@code event}
 * and {@code at} (an ISO instant), fields in snake_case, costs as plain decimals. Events:
 * tournament_start, debate_start, debate_end, progress (after each debate_end), tournament_end,
 * and error when the run ends with a sentence for the user; {@link #emit} takes others (the
 * leaderboard). Debates end on many threads: each event is written and flushed whole.
 */
final class TournamentJsonEvents implements TournamentListener {

    private final JsonLines out;
    private final Clock clock;
    private final TournamentProgress progress = new TournamentProgress();
    private List<String> motions = List.of();

    /** {@code terminal}: stdout is a terminal, so controls a terminal acts on are escaped. */
    TournamentJsonEvents(TextSink out, boolean terminal, Clock clock) {
        this.out = new JsonLines(out, terminal);
        this.clock = clock;
    }

    @Override
    public synchronized void started(TournamentSpec spec, int total, int done) {
        progress.started(total, done);
        motions = spec.motions();
        JsonObject e = new JsonObject();
        e.addProperty("name", spec.name());
        e.add("models", array(spec.models()));
        e.add("motions", array(spec.motions()));
        e.add("judges", array(spec.judges()));
        e.addProperty("rounds", spec.rounds());
        e.addProperty("total", total);
        e.addProperty("done", done);
        emit("tournament_start", e);
    }

    @Override
    public synchronized void debateStarted(Leg leg, String debateId) {
        progress.debateStarted();
        JsonObject e = new JsonObject();
        e.addProperty("debate_id", debateId);
        e.addProperty("motion", motions.get(leg.motion()));
        e.addProperty("pro", leg.pro());
        e.addProperty("con", leg.con());
        e.addProperty("group", leg.group().key());
        e.addProperty("leg", leg.number());
        emit("debate_start", e);
    }

    @Override
    public synchronized void debateEnded(DebateEnd end) {
        progress.debateEnded(end);
        JsonObject e = new JsonObject();
        e.addProperty("debate_id", end.debateId());
        e.addProperty("state", end.state().id());
        e.addProperty("winner", winner(end.winner()));
        JsonObject votes = new JsonObject();
        end.votes().forEach((judge, vote) -> votes.addProperty(judge, winner(vote)));
        e.add("votes", votes);
        e.addProperty("fallback_spoke", end.fallbackSpoke());
        e.add("cost", JsonLines.decimal(end.cost()));
        e.addProperty("error", end.error());
        emit("debate_end", e);

        TournamentProgress.Counts c = progress.counts();
        JsonObject p = new JsonObject();
        p.addProperty("done", c.done());
        p.addProperty("running", c.running());
        p.addProperty("failed", c.failed());
        p.addProperty("total", c.total());
        p.add("spent", JsonLines.decimal(c.spent()));
        emit("progress", p);
    }

    /** Where the ratings come from when the run ends: the store, read then. */
    @FunctionalInterface
    interface Ratings {
        JsonObject now() throws StoreException;
    }

    private Ratings ratings;

    /**
     * At the end, a {@code leaderboard} event as {@code arena leaderboard --json} prints the table,
     * just before {@code tournament_end}, so the event a script waits for comes last.
     */
    synchronized void leaderboardFrom(Ratings source) {
        this.ratings = source;
    }

    @Override
    public synchronized void finished(TournamentEnd end) {
        if (ratings != null) {
            try {
                emit("leaderboard", ratings.now());
            } catch (StoreException e) {
                JsonObject w = new JsonObject();
                w.addProperty("message", e.getMessage() + "; the leaderboard is left out (arena leaderboard --json prints it)");
                emit("warning", w);
            }
        }
        JsonObject e = new JsonObject();
        e.addProperty("status", end.status().id());
        e.addProperty("reason", end.reason());
        e.addProperty("complete", end.complete());
        e.addProperty("failed", end.failed());
        e.addProperty("unfinished", end.unfinished());
        e.addProperty("total", end.total());
        e.add("spent", JsonLines.decimal(end.spent()));
        emit("tournament_end", e);
    }

    /** The sentence the run ended with, as stderr has it too, and the exit code it gives. */
    synchronized void error(String sentence, int exitCode) {
        JsonObject e = new JsonObject();
        e.addProperty("message", sentence);
        e.addProperty("exit_code", exitCode);
        emit("error", e);
    }

    /** Writes event {@code name} with {@code fields} after its {@code event} and {@code at}. */
    synchronized void emit(String name, JsonObject fields) {
        JsonObject e = new JsonObject();
        e.addProperty("event", name);
        e.addProperty("at", clock.instant().toString());
        for (Map.Entry<String, JsonElement> field : fields.entrySet()) {
            e.add(field.getKey(), field.getValue());
        }
        out.emit(e);
    }

    private static String winner(Winner winner) {
        return winner == null ? null : winner.name().toLowerCase(Locale.ROOT);
    }

    private static JsonArray array(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
