package dev.arena.terminal;

import dev.arena.debate.Winner;
import dev.arena.openrouter.Durations;
import dev.arena.output.Notices;
import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.output.TextSink;
import dev.arena.ratings.Game;
import dev.arena.ratings.Outcome;
import dev.arena.ratings.RatingOptions;
import dev.arena.ratings.Ratings;
import dev.arena.text.TerminalSanitizer;
import dev.arena.tournament.DebateEnd;
import dev.arena.tournament.DebateState;
import dev.arena.tournament.Leg;
import dev.arena.tournament.TournamentEnd;
import dev.arena.tournament.TournamentListener;
import dev.arena.tournament.TournamentProgress;
import dev.arena.tournament.TournamentSpec;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A running tournament on a terminal: one status line on stderr, redrawn in place, with the
 * debates done, running and failed out of the total, a progress bar and the time left at this
 * run's pace, the money this run spent, and the top five by a Bradley–Terry fit of the results
 * so far (debates where a fallback spoke are left out, as in the ratings).
 *
 * <p>It is drawn on every debate end and otherwise a few times a second, by a thread of its own,
 * so that the running count and the time left move between ends. It wraps the view that writes
 * a line per finished debate: stdout may be the same terminal, so the status is cleared while
 * that line is written and drawn again under it. Debates end on many threads; one lock keeps
 * the line whole. At the end the line is cleared, so what follows starts on a clean line.
 */
public final class TournamentStatusLine implements TournamentListener {

    /** At most about four redraws a second between debate ends: enough to see it move, little to redraw. */
    static final Duration REDRAW = Duration.ofMillis(250);

    static final int TOP = 5;

    /** Cells of the progress bar: short, so that the top five has room. */
    static final int BAR = 10;

    /** When the terminal cannot say its width. */
    static final int DEFAULT_WIDTH = 80;

    /** Carriage return and erase to the end of the line: the cursor back where the status starts. */
    private static final String CLEAR = "\r\u001b[K";

    private static final AttributedStyle FAILED = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

    private final TournamentListener lines;
    private final TextSink err;
    private final IntSupplier width;
    private final boolean color;
    private final Clock clock;
    private final Duration redraw;
    private final TournamentProgress progress = new TournamentProgress();
    private final List<Game> games = new ArrayList<>();
    private Map<String, Double> ratings = Map.of();
    private Set<String> models = Set.of();
    private Instant startedAt;
    private boolean over;
    /** Made in {@link #started} and stopped in {@link #finished}, both called on the runner's thread. */
    private ScheduledExecutorService ticker;

    /**
     * @param lines the view that writes a line per finished debate (to stdout)
     * @param width the terminal's width now, in columns; 0 or less when unknown
     */
    public TournamentStatusLine(TournamentListener lines, TextSink err, IntSupplier width, boolean color) {
        this(lines, err, width, color, Clock.systemUTC(), REDRAW);
    }

    /** {@code redraw}: how often the line is drawn between debate ends; null for only on events. */
    TournamentStatusLine(TournamentListener lines, TextSink err, IntSupplier width, boolean color, Clock clock,
                         Duration redraw) {
        this.lines = lines;
        this.err = err;
        this.width = width;
        this.color = color;
        this.clock = clock;
        this.redraw = redraw;
    }

    @Override
    public void started(TournamentSpec spec, int total, int done) {
        synchronized (this) {
            lines.started(spec, total, done);
            progress.started(total, done);
            models = Set.copyOf(spec.models());
            startedAt = clock.instant();
            draw();
        }
        if (redraw != null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "arena-status");
                t.setDaemon(true); // never what keeps arena from exiting
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, redraw.toMillis(), redraw.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void debateStarted(Leg leg, String debateId) {
        lines.debateStarted(leg, debateId);
        progress.debateStarted();
    }

    @Override
    public synchronized void debateEnded(DebateEnd end) {
        progress.debateEnded(end);
        if (end.state() == DebateState.COMPLETE && !end.fallbackSpoke() && end.winner() != null) {
            games.add(game(end));
            ratings = Ratings.points(games, RatingOptions.DEFAULT_PRIOR);
        }
        clear();
        try {
            lines.debateEnded(end);
        } finally {
            draw();
        }
    }

    @Override
    public void finished(TournamentEnd end) {
        if (ticker != null) {
            // Stopped before the line is cleared, so that no late tick draws it again.
            ticker.shutdown();
            awaitQuietly(ticker);
        }
        synchronized (this) {
            over = true;
            clear();
            lines.finished(end);
        }
    }

    /** A redraw between events. */
    synchronized void tick() {
        if (!over) {
            draw();
        }
    }

    private void draw() {
        write(CLEAR + status());
    }

    private void clear() {
        write(CLEAR);
    }

    /**
     * The status only shows how the run goes: a stderr that cannot be written to must not fail
     * the debate whose end is being drawn. The sink drops what follows its first failure.
     */
    private void write(String text) {
        try {
            err.write(text).flush();
        } catch (OutputClosedException | OutputFailedException e) {
            // Nothing to show it on; the run goes on, and stdout and the store still have everything.
        }
    }

    /** The status, cut to the terminal's width less one column, which some terminals wrap on. */
    String status() {
        TournamentProgress.Counts c = progress.counts();
        AttributedStringBuilder line = new AttributedStringBuilder();
        line.append(c.done() + "/" + c.total() + " done, " + c.running() + " running, ");
        line.append(c.failed() + " failed", c.failed() > 0 ? FAILED : AttributedStyle.DEFAULT);
        line.append(" " + bar(c.done(), c.total()) + " " + eta(c));
        line.append(" · " + (c.spent() == null ? "spent " + Notices.UNKNOWN_COST : Notices.cost(c.spent()) + " spent"));
        if (!ratings.isEmpty()) {
            List<String> best = new ArrayList<>();
            ratings.entrySet().stream().limit(TOP).forEach(r -> best.add(shortName(r.getKey()) + " " + Math.round(r.getValue())));
            line.append(" · top: " + String.join(", ", best));
        }
        int columns = width.getAsInt() > 0 ? width.getAsInt() : DEFAULT_WIDTH;
        AttributedString cut = line.toAttributedString().columnSubSequence(0, Math.max(0, columns - 1));
        return color ? cut.toAnsi() : cut.toString();
    }

    /**
     * A model without its provider ({@code gpt-4o-mini}), the line being short, unless another
     * model of the tournament has the same name; sanitised, since ids come from a catalogue.
     */
    private String shortName(String model) {
        String name = model.substring(model.lastIndexOf('/') + 1);
        boolean unique = models.stream().filter(m -> m.substring(m.lastIndexOf('/') + 1).equals(name)).count() <= 1;
        return TerminalSanitizer.strip(unique && !name.isEmpty() ? name : model);
    }

    /** {@code [##--------]  25%}. */
    private static String bar(int done, int total) {
        int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + String.format(Locale.ROOT, "%3d%%", percent);
    }

    /**
     * The time left at this run's pace: the time so far, shared among the debates that ended, times
     * the debates to go. Debates run at once end at once, so the pace is the run's, not one debate's.
     */
    private String eta(TournamentProgress.Counts c) {
        if (c.toGo() == 0) {
            return "ETA 0s";
        }
        if (c.ended() == 0) {
            return "ETA --";
        }
        Duration elapsed = Duration.between(startedAt, clock.instant());
        long seconds = Math.max(1, (long) Math.ceil(elapsed.toMillis() / 1000.0 * c.toGo() / c.ended()));
        // Whole seconds: a guess of "2.0s" would claim a precision it does not have.
        return "ETA " + (seconds < 60 ? seconds + "s" : Durations.format(Duration.ofSeconds(seconds)));
    }

    private static Game game(DebateEnd end) {
        Outcome outcome = end.winner() == Winner.PRO ? Outcome.PRO_WON
                : end.winner() == Winner.CON ? Outcome.CON_WON : Outcome.TIE;
        return new Game(end.leg().group().key(), end.leg().pro(), end.leg().con(), outcome);
    }

    private static void awaitQuietly(ScheduledExecutorService ticker) {
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
