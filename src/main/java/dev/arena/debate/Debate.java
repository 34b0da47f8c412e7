package dev.arena.debate;

import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.resilience.Answerer;
import dev.arena.resilience.ChainFailedException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a debate: in each round Pro speaks, then Con; then, if asked, the judge. Every
 * event goes to the listener as it happens. A debate holds no state of a run, so it can be
 * run again or continued from the turns of a run that was cut short. The debate stops at the first turn whose every
 * model failed, at an account problem, or at a cancel; it still ends with
 * {@link DebateListener#finished}, so views and transcripts can close cleanly.
 */
public final class Debate {

    /**
     * The most characters of one turn (or of the judge's answer): 200,000, some 50,000 tokens,
     * far more than any real turn, so an endless stream cannot fill the memory. Each turn is
     * kept for the rest of the debate and sent on in every later request, so the limit is what
     * keeps those flat too. A turn cut there ends with {@link FighterAgent#cutMarker}. The
     * answerer a debate is given must cut there or sooner ({@code FallbackChain.cuttingAnswersAt}).
     */
    public static final int TURN_TEXT_LIMIT = 200_000;

    private final String id;
    private final DebateSettings settings;
    private final Answerer answerer;
    private final Judge judge;
    private final DebateListener listener;

    /**
     * {@code id} names the debate in the record of its requests.
     *
     * @throws IllegalArgumentException when {@code answerer} reads answers longer than {@link #TURN_TEXT_LIMIT}
     */
    public Debate(String id, DebateSettings settings, Answerer answerer, DebateListener listener) {
        if (answerer.answerLimit() > TURN_TEXT_LIMIT) {
            throw new IllegalArgumentException("a debate's answers must end at " + TURN_TEXT_LIMIT
                    + " characters at most, not " + answerer.answerLimit());
        }
        this.id = id;
        this.settings = settings;
        this.answerer = answerer;
        this.judge = settings.judged() ? new Judge(answerer, settings.judgeModels()) : null;
        this.listener = listener;
    }

    /**
     * Runs the whole debate.
     *
     * @throws TurnFailedException  a turn failed on every model of its chain
     * @throws ChainFailedException the judge failed on every model of its chain
     * @throws HttpStatusException  401 or 402
     * @throws CancelledException   Ctrl-C
     */
    public DebateResult run(Cancellation cancel)
            throws TurnFailedException, ChainFailedException, HttpStatusException, CancelledException {
        return continueFrom(List.of(), cancel);
    }

    /**
     * Goes on from {@code spoken}, the first turns of this debate already spoken and kept (a
     * debate cut mid-way, resumed): only the turns after them are asked, and the fighters are
     * sent them as history. The listener hears {@link DebateListener#debateStarted}, then only
     * the new turns; the summary and the result count every turn.
     *
     * @throws IllegalArgumentException when {@code spoken} are not this debate's first turns in
     *                                  order (Pro then Con, round by round), or one of them failed
     * @throws TurnFailedException      a turn failed on every model of its chain
     * @throws ChainFailedException     the judge failed on every model of its chain
     * @throws HttpStatusException      401 or 402
     * @throws CancelledException       Ctrl-C
     */
    public DebateResult continueFrom(List<Turn> spoken, Cancellation cancel)
            throws TurnFailedException, ChainFailedException, HttpStatusException, CancelledException {
        checkSpoken(spoken);
        long start = System.nanoTime();
        List<Turn> turns = new ArrayList<>(spoken);
        Verdict verdict = null;
        String stopReason = null;
        Exception stopped = null;
        DebateSummary summary;
        try {
            listener.debateStarted(id, settings, Instant.now());
            List<FighterAgent> order = List.of(new FighterAgent(settings.pro(), settings),
                    new FighterAgent(settings.con(), settings));
            for (int next = turns.size(); next < turnCount(); next++) {
                Turn turn = order.get(next % 2).speak(List.copyOf(turns), roundOf(next), answerer, listener, cancel, id);
                turns.add(turn);
                listener.turnEnded(id, turn);
                if (turn.failed()) {
                    if (cancel.isCancelled()) {
                        throw new CancelledException();
                    }
                    throw new TurnFailedException(turn);
                }
            }
            if (judge != null) {
                listener.judging(id, settings.judgeModels().get(0));
                verdict = judge.judge(settings, List.copyOf(turns), listener, cancel, id);
                listener.verdict(id, verdict);
            }
        } catch (TurnFailedException | HttpStatusException e) {
            stopReason = e.getMessage();
            stopped = e;
            throw e;
        } catch (ChainFailedException e) {
            stopReason = "all rounds were spoken, but the judge failed: " + e.getMessage();
            stopped = e;
            throw e;
        } catch (CancelledException e) {
            stopReason = "interrupted";
            stopped = e;
            throw e;
        } catch (RuntimeException e) {
            // A listener failed: stdout closed, or a transcript could not be written. Never null: null means complete.
            stopReason = e.getMessage() == null ? e.toString() : e.getMessage();
            stopped = e;
            throw e;
        } finally {
            summary = new DebateSummary(FighterStats.of(turns), verdict, Duration.ofNanos(System.nanoTime() - start),
                    stopReason);
            finish(summary, stopped);
        }
        return new DebateResult(id, turns, summary);
    }

    /** Pro then Con in every round. */
    private int turnCount() {
        return 2 * settings.rounds();
    }

    /** The round of the turn at {@code index} (0-based) in speaking order. */
    private static int roundOf(int index) {
        return index / 2 + 1;
    }

    private void checkSpoken(List<Turn> spoken) {
        if (spoken.size() > turnCount()) {
            throw new IllegalArgumentException("a debate of " + settings.rounds() + " rounds has " + turnCount()
                    + " turns, not " + spoken.size());
        }
        for (int i = 0; i < spoken.size(); i++) {
            Turn turn = spoken.get(i);
            Side side = i % 2 == 0 ? Side.PRO : Side.CON;
            if (turn.failed() || turn.round() != roundOf(i) || turn.side() != side) {
                throw new IllegalArgumentException("turn " + (i + 1) + " spoken must be round " + roundOf(i) + ", "
                        + side.label() + ", completed; it is round " + turn.round() + ", " + turn.side().label()
                        + (turn.failed() ? ", failed" : ""));
            }
        }
    }

    /**
     * Gives the summary to the listeners. When the debate already stopped on a failure, a
     * listener failing again (a closed stdout) must not replace that failure, which decides
     * the exit code: it is kept as suppressed.
     */
    private void finish(DebateSummary summary, Exception stopped) {
        try {
            listener.finished(id, summary);
        } catch (RuntimeException e) {
            if (stopped == null) {
                throw e;
            }
            stopped.addSuppressed(e);
        }
    }
}
