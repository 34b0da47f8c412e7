package dev.arena.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arena.debate.Winner;
import dev.arena.fake.ManualClock;
import dev.arena.output.FailingStream;
import dev.arena.output.TextSink;
import dev.arena.tournament.DebateEnd;
import dev.arena.tournament.DebateState;
import dev.arena.tournament.Leg;
import dev.arena.tournament.Schedule;
import dev.arena.tournament.TournamentEnd;
import dev.arena.tournament.TournamentListener;
import dev.arena.tournament.TournamentSpec;
import dev.arena.tournament.TournamentStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The live status, fed with made-up events, as a terminal would receive it. */
class TournamentStatusLineTest {

    private static final String CLEAR = "\r\u001b[K";

    /** One whole status line, as drawn without colour on a wide terminal. */
    private static final Pattern STATUS = Pattern.compile(
            "\\d+/\\d+ done, \\d+ running, \\d+ failed \\[[#-]{10}\\] +\\d+% ETA (--|\\S+) · (spent unknown|\\$\\S+ spent)"
            + "( · top: .+)?");

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final ManualClock clock = new ManualClock();

    private static TournamentSpec spec(List<String> models) {
        return new TournamentSpec("cup", models, List.of("Cats beat dogs"), List.of("j/judge"), List.of(), 1, null,
                null, 1);
    }

    private static List<Leg> legs(List<String> models) {
        return Schedule.of(models, List.of("Cats beat dogs"), 1).debates();
    }

    /** The model later in {@code models} wins. */
    private static DebateEnd won(List<String> models, Leg leg, Double cost) {
        Winner winner = models.indexOf(leg.pro()) > models.indexOf(leg.con()) ? Winner.PRO : Winner.CON;
        return new DebateEnd(leg, "Cats beat dogs", "d-" + leg, DebateState.COMPLETE, winner,
                Map.of("j/judge", winner), false, cost, null);
    }

    private static DebateEnd failed(Leg leg) {
        return new DebateEnd(leg, "Cats beat dogs", "d-" + leg, DebateState.FAILED, null, Map.of(), false, null,
                "every model failed");
    }

    private TournamentStatusLine status(TournamentListener lines, int width, boolean color, Duration redraw) {
        return new TournamentStatusLine(lines, new TextSink(terminal), () -> width, color, clock, redraw);
    }

    private String written() {
        return terminal.toString(StandardCharsets.UTF_8);
    }

    /** Every status drawn, in order: what follows each clear, up to the next. */
    private List<String> draws() {
        List<String> draws = new ArrayList<>();
        for (String part : written().split(Pattern.quote(CLEAR), -1)) {
            if (!part.isEmpty()) {
                draws.add(part);
            }
        }
        return draws;
    }

    private String last() {
        List<String> draws = draws();
        return draws.get(draws.size() - 1);
    }

    @Test
    void debatesEndingOnManyThreadsLeaveEveryLineWholeAndTheCountsRight() throws Exception {
        List<String> models = List.of("p/a", "p/b", "p/c", "p/d", "p/e", "p/f", "p/g", "p/h");
        List<Leg> legs = legs(models);
        AtomicInteger shown = new AtomicInteger();
        TournamentListener lines = new TournamentListener() {
            @Override
            public void debateEnded(DebateEnd end) {
                shown.incrementAndGet();
            }
        };
        TournamentStatusLine status = status(lines, 400, false, Duration.ofMillis(1));
        status.started(spec(models), legs.size(), 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i);
            boolean fails = i % 8 == 0;
            pool.execute(() -> {
                status.debateStarted(leg, "d-" + leg);
                status.debateEnded(fails ? failed(leg) : won(models, leg, 0.001));
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        String beforeTheEnd = last();
        status.finished(new TournamentEnd(TournamentStatus.FAILED, "7 debates failed", 49, 7, 7, 56, 0.049));

        assertEquals(56, legs.size());
        assertEquals(56, shown.get(), "every end reached the lines view");
        for (String draw : draws()) {
            assertTrue(STATUS.matcher(draw).matches(), "a whole status line: " + draw);
        }
        assertTrue(beforeTheEnd.startsWith("49/56 done, 0 running, 7 failed [########--]  87% ETA 0s · $0.0490 spent"),
                beforeTheEnd);
        assertTrue(written().endsWith(CLEAR), "the line is cleared at the end");
        // A terminated executor's thread may still be alive for a moment after its last task: it must go soon.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("arena-status"))
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("arena-status")),
                "the redraw thread is gone");
    }

    @Test
    void theTimeLeftIsThisRunsPaceTimesTheDebatesToGo() {
        List<String> models = List.of("p/a", "p/b", "p/c");
        List<Leg> legs = legs(models);
        TournamentStatusLine status = status(new TournamentListener() {
        }, 400, false, null);

        status.started(spec(models), 6, 1);
        assertTrue(last().startsWith("1/6 done, 0 running, 0 failed [#---------]  16% ETA -- · spent unknown"), last());

        status.debateStarted(legs.get(0), "d1");
        status.debateStarted(legs.get(1), "d2");
        clock.advance(30_000);
        status.debateEnded(won(models, legs.get(0), 0.0001));
        status.debateEnded(won(models, legs.get(1), 0.0002));

        // 2 ended in 30 s: 15 s each, and 6 - 1 - 2 = 3 to go.
        assertTrue(last().startsWith("3/6 done, 0 running, 0 failed [#####-----]  50% ETA 45s · $0.000300 spent"),
                last());
        clock.advance(15_000);
        status.debateEnded(failed(legs.get(2)));
        assertTrue(last().startsWith("3/6 done, 0 running, 1 failed [#####-----]  50% ETA 30s"),
                "a failure counts to the pace and is not to go: " + last());
    }

    @Test
    void theLineFitsTheTerminalLessOneColumnWhateverItsWidth() {
        List<String> models = List.of("openai/gpt-4o-mini", "anthropic/claude-3.5-haiku", "google/gemini-2.0-flash");
        List<Leg> legs = legs(models);
        int[] width = {40};
        TournamentStatusLine status = new TournamentStatusLine(new TournamentListener() {
        }, new TextSink(terminal), () -> width[0], false, clock, null);
        status.started(spec(models), legs.size(), 0);
        status.debateEnded(won(models, legs.get(0), null));
        assertEquals(39, last().length(), last());

        width[0] = 0; // unknown: the usual 80 columns
        status.debateEnded(won(models, legs.get(1), null));
        assertEquals(79, last().length(), last());

        width[0] = 300;
        status.debateEnded(won(models, legs.get(2), null));
        assertTrue(STATUS.matcher(last()).matches() && last().contains(" · top: "), "whole: " + last());
    }

    @Test
    void theTopFiveAreTheBestByTheResultsSoFarAndAFallbacksDebateIsLeftOut() {
        List<String> models = List.of("p/a", "p/b", "p/c", "p/d", "p/e", "p/f", "p/g");
        TournamentStatusLine status = status(new TournamentListener() {
        }, 400, false, null);
        status.started(spec(models), legs(models).size(), 0);
        Leg upset = null;
        for (Leg leg : legs(models)) {
            if (leg.pro().equals("p/a") && leg.con().equals("p/g")) {
                upset = leg;
            } else {
                status.debateEnded(won(models, leg, null));
            }
        }
        String top = last().substring(last().indexOf("top: "));
        assertTrue(Pattern.matches("top: g \\d+, f \\d+, e \\d+, d \\d+, c \\d+", top), top);

        // The weakest beating the strongest, but a fallback spoke for one of them: not rated.
        status.debateEnded(new DebateEnd(upset, "Cats beat dogs", "d-upset", DebateState.COMPLETE, Winner.PRO,
                Map.of("j/judge", Winner.PRO), true, null, null));
        assertEquals(top, last().substring(last().indexOf("top: ")));
    }

    @Test
    void modelsOfTheSameNameFromTwoProvidersKeepTheirWholeIds() {
        List<String> models = List.of("x/same", "y/same");
        Leg leg = legs(models).get(0);
        TournamentStatusLine status = status(new TournamentListener() {
        }, 400, false, null);
        status.started(spec(models), 2, 0);
        status.debateEnded(won(models, leg, null));
        assertTrue(Pattern.matches(".* · top: y/same \\d+, x/same \\d+", last()), last());
    }

    @Test
    void aFinishedDebatesLineIsWrittenWithTheStatusClearedAndTheStatusDrawnUnderIt() {
        List<String> models = List.of("p/a", "p/b", "p/c");
        TextSink stdout = new TextSink(terminal);
        TournamentStatusLine status = status(new TournamentListener() {
            @Override
            public void debateEnded(DebateEnd end) {
                stdout.write("ended " + end.debateId() + "\n").flush();
            }
        }, 400, false, null);
        status.started(spec(models), 6, 0);
        for (Leg leg : legs(models)) {
            status.debateEnded(won(models, leg, null));
        }
        status.finished(new TournamentEnd(TournamentStatus.COMPLETE, null, 6, 0, 0, 6, 0));

        String[] parts = written().split("\n", -1);
        assertEquals(7, parts.length, written());
        for (int i = 0; i < 6; i++) {
            assertTrue(parts[i].endsWith(CLEAR + "ended d-" + legs(models).get(i)), "cleared, then the line: " + parts[i]);
        }
        assertTrue(STATUS.matcher(parts[6].substring(0, parts[6].length() - CLEAR.length()).replace(CLEAR, ""))
                .matches(), parts[6]);
        assertTrue(parts[6].endsWith(CLEAR));
    }

    @Test
    void colourMarksFailuresAndWithoutItTheOnlyEscapesAreTheClears() {
        List<String> models = List.of("p/a", "p/b");
        Leg leg = legs(models).get(0);
        TournamentStatusLine coloured = status(new TournamentListener() {
        }, 400, true, null);
        coloured.started(spec(models), 2, 0);
        coloured.debateEnded(failed(leg));
        assertTrue(written().contains("\u001b[31m1 failed"), written());

        terminal.reset();
        TournamentStatusLine plain = status(new TournamentListener() {
        }, 400, false, null);
        plain.started(spec(models), 2, 0);
        plain.debateEnded(failed(leg));
        assertFalse(written().replace(CLEAR, "").contains("\u001b"), written());
    }

    @Test
    void aStderrThatCannotBeWrittenFailsNoDebateAndTheLinesGoOn() {
        List<String> models = List.of("p/a", "p/b");
        List<DebateEnd> shown = new ArrayList<>();
        TournamentStatusLine status = new TournamentStatusLine(new TournamentListener() {
            @Override
            public void debateEnded(DebateEnd end) {
                shown.add(end);
            }
        }, new TextSink(FailingStream.diskFullAfter(10)), () -> 80, false, clock, null);
        status.started(spec(models), 2, 0);
        for (Leg leg : legs(models)) {
            status.debateEnded(won(models, leg, null));
        }
        status.finished(new TournamentEnd(TournamentStatus.COMPLETE, null, 2, 0, 0, 2, 0));
        assertEquals(2, shown.size());
    }

    @Test
    void betweenEventsTheLineIsRedrawnByItsOwnThreadUntilTheEnd() throws Exception {
        List<String> models = List.of("p/a", "p/b");
        TournamentStatusLine status = status(new TournamentListener() {
        }, 400, false, Duration.ofMillis(5));
        status.started(spec(models), 2, 0);
        status.debateStarted(legs(models).get(0), "d1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!last().contains("1 running") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(last().contains("1 running"), "a tick showed the debate that started: " + last());
        status.finished(new TournamentEnd(TournamentStatus.INTERRUPTED, "interrupted", 0, 0, 2, 2, 0));
        int size = terminal.size();
        Thread.sleep(50);
        assertEquals(size, terminal.size(), "nothing is drawn after the end");
        assertTrue(written().endsWith(CLEAR));
    }
}
