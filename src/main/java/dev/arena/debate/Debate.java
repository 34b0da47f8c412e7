package dev.arena.debate;

import dev.arena.catalog.CostEstimator;
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
 * event goes to the listener as it happens. The debate stops at the first turn whose every
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
    private final CostEstimator costs;
    private final List<Turn> turns = new ArrayList<>();
    private Verdict verdict;

    public Debate(String id, DebateSettings settings, Answerer answerer, DebateListener listener) {
        this(id, settings, answerer, listener, CostEstimator.NONE);
    }

    /**
     * {@code costs} fills in a turn's cost when the server reported tokens but no cost (Ollama, vLLM).
     * {@code id} names the debate in the record of its requests.
     *
     * @throws IllegalArgumentException when {@code answerer} reads answers longer than {@link #TURN_TEXT_LIMIT}
     */
    public Debate(String id, DebateSettings settings, Answerer answerer, DebateListener listener, CostEstimator costs) {
        if (answerer.answerLimit() > TURN_TEXT_LIMIT) {
            throw new IllegalArgumentException("a debate's answers must end at " + TURN_TEXT_LIMIT
                    + " characters at most, not " + answerer.answerLimit());
        }
        this.id = id;
        this.costs = costs;
        this.settings = settings;
        this.answerer = answerer;
        this.judge = settings.judged() ? new Judge(answerer, settings.judgeModels()) : null;
        this.listener = listener;
    }

    /**
     * @throws TurnFailedException  a turn failed on every model of its chain
     * @throws ChainFailedException the judge failed on every model of its chain
     * @throws HttpStatusException  401 or 402
     * @throws CancelledException   Ctrl-C
     */
    public void run(Cancellation cancel)
            throws TurnFailedException, ChainFailedException, HttpStatusException, CancelledException {
        long start = System.nanoTime();
        String stopReason = null;
        Exception stopped = null;
        try {
            listener.debateStarted(settings, Instant.now());
            List<FighterAgent> order = List.of(new FighterAgent(settings.pro(), settings, costs),
                    new FighterAgent(settings.con(), settings, costs));
            for (int round = 1; round <= settings.rounds(); round++) {
                for (FighterAgent fighter : order) {
                    Turn turn = fighter.speak(List.copyOf(turns), round, answerer, listener, cancel, id);
                    turns.add(turn);
                    listener.turnEnded(turn);
                    if (turn.failed()) {
                        if (cancel.isCancelled()) {
                            throw new CancelledException();
                        }
                        throw new TurnFailedException(turn);
                    }
                }
            }
            if (judge != null) {
                listener.judging(settings.judgeModels().get(0));
                verdict = judge.judge(settings, List.copyOf(turns), listener, cancel, id);
                listener.verdict(verdict);
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
            finish(new DebateSummary(FighterStats.of(turns), verdict, Duration.ofNanos(System.nanoTime() - start), stopReason), stopped);
        }
    }

    /**
     * Gives the summary to the listeners. When the debate already stopped on a failure, a
     * listener failing again (a closed stdout) must not replace that failure, which decides
     * the exit code: it is kept as suppressed.
     */
    private void finish(DebateSummary summary, Exception stopped) {
        try {
            listener.finished(summary);
        } catch (RuntimeException e) {
            if (stopped == null) {
                throw e;
            }
            stopped.addSuppressed(e);
        }
    }

    public String id() {
        return id;
    }

    public List<Turn> turns() {
        return List.copyOf(turns);
    }
}
