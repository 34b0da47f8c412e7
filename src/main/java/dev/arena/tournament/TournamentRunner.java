package dev.arena.tournament;

import dev.arena.debate.Debate;
import dev.arena.debate.DebateListener;
import dev.arena.debate.DebateListeners;
import dev.arena.debate.DebateOutcome;
import dev.arena.debate.DebateResult;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.Fighter;
import dev.arena.debate.FighterStats;
import dev.arena.debate.Judge;
import dev.arena.debate.JudgeAnswer;
import dev.arena.debate.Side;
import dev.arena.debate.Turn;
import dev.arena.debate.TurnFailedException;
import dev.arena.debate.Winner;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.Answerer;
import dev.arena.resilience.ChainFailedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * Runs a tournament's debates, up to {@code concurrency} at once, through one answerer (so one
 * set of rate limits, retries and fallbacks for all of them). The order is the schedule's, but
 * groups an earlier run began come first, so a tournament stopped early stays balanced. Each
 * debate has a cancellation of its own under the run's: Ctrl-C reaches every request, and one
 * debate failing touches no other.
 *
 * <p>What stops the whole run: Ctrl-C, a 401 or 402 (no debate would fare better), and the
 * budget: a debate starts only when the most it may cost fits beside what was spent and what the
 * debates running may still cost, so those running always finish within it, and once one does
 * not fit no other starts. Any other failure fails only its debate, which is recorded and run
 * again on a resume.
 */
public final class TournamentRunner {

    private final TournamentSpec spec;
    private final List<PlannedDebate> plan;
    private final Answerer answerer;
    private final TournamentLog log;
    private final TournamentListener listener;
    private final int concurrency;
    private final Budget budget;
    /** The most a debate may still cost, reserved when it starts: a debate begun within the budget finishes. */
    private final ToDoubleFunction<PlannedDebate> mostCost;

    private final AtomicInteger complete = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    /** Why the run stops early, the first reason only: the status and the sentence. */
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    private final AtomicReference<HttpStatusException> accountProblem = new AtomicReference<>();
    private final AtomicReference<RuntimeException> viewFailure = new AtomicReference<>();
    /** The run's cancellation, under the caller's: a runner runs once. */
    private volatile Cancellation run;

    private record Stop(TournamentStatus status, String reason) {
    }

    /**
     * @param plan      every scheduled debate in schedule order, as the store has them
     * @param answerer  answers cut at {@link Debate#TURN_TEXT_LIMIT}
     * @param mostCost  the most a debate may cost (CostBound.debate), reserved from the budget before it starts
     */
    public TournamentRunner(TournamentSpec spec, List<PlannedDebate> plan, Answerer answerer, TournamentLog log,
                            TournamentListener listener, int concurrency, Budget budget,
                            ToDoubleFunction<PlannedDebate> mostCost) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("a tournament runs at least one debate at a time");
        }
        this.spec = spec;
        this.plan = List.copyOf(plan);
        this.answerer = answerer;
        this.log = log;
        this.listener = listener;
        this.concurrency = concurrency;
        this.budget = budget;
        this.mostCost = mostCost;
    }

    /** The debates still to run, in the order they start: begun groups first, then the schedule's order. */
    static List<PlannedDebate> order(List<PlannedDebate> plan) {
        // A group is begun when a leg of it was played, even if the other has no debate yet.
        List<Group> begun = plan.stream().filter(p -> p.debateId() != null).map(p -> p.leg().group()).distinct().toList();
        List<PlannedDebate> first = new ArrayList<>();
        List<PlannedDebate> then = new ArrayList<>();
        for (PlannedDebate p : plan) {
            if (!p.complete()) {
                (begun.contains(p.leg().group()) ? first : then).add(p);
            }
        }
        first.addAll(then);
        return first;
    }

    public TournamentEnd run(Cancellation cancel) {
        int done = (int) plan.stream().filter(PlannedDebate::complete).count();
        complete.set(done);
        Cancellation run = cancel.child();
        this.run = run;
        tell(view -> view.started(spec, plan.size(), done));
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, threads());
        try {
            for (PlannedDebate p : order(plan)) {
                pool.execute(() -> play(p, run));
            }
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
            run.release();
        }
        if (stop.get() == null && cancel.isCancelled()) {
            stop.set(new Stop(TournamentStatus.INTERRUPTED, "interrupted"));
        }
        int unfinished = plan.size() - complete.get();
        Stop why = stop.get();
        TournamentStatus status = why != null ? why.status()
                : unfinished == 0 ? TournamentStatus.COMPLETE : TournamentStatus.FAILED;
        String reason = why != null ? why.reason()
                : unfinished == 0 ? null : failed.get() + " debate" + (failed.get() == 1 ? "" : "s") + " failed";
        TournamentEnd end = new TournamentEnd(status, reason, complete.get(), failed.get(), unfinished, plan.size(),
                budget.spent());
        tell(view -> view.finished(end));
        return end;
    }

    private void play(PlannedDebate p, Cancellation run) {
        if (stop.get() != null || run.isCancelled()) {
            return; // the run stops: what has not begun stays as it was, for a resume
        }
        Budget.Reservation money;
        try {
            money = budget.reserve(mostCost.applyAsDouble(p));
        } catch (BudgetReachedException e) {
            // Not begun, so not cut: it stays as it was, and a resume with a larger budget plays it.
            stop.compareAndSet(null, new Stop(TournamentStatus.BUDGET, e.getMessage()));
            return;
        }
        Cancellation cancel = run.child();
        String id = p.debateId() != null ? p.debateId() : log.newDebate(p.motion());
        CostCount cost = new CostCount();
        List<Turn> turns = p.spoken();
        DebateListener recorder = log.debateRecorder(id, turns.size());
        Ended ended = (state, winner, votes, fallback, error) -> end(p, id, recorder, state, winner, votes, fallback,
                cost.total(), error);
        try {
            log.debateStarted(p.leg(), id);
            tell(view -> view.debateStarted(p.leg(), id));
            DebateSettings settings = settings(p);
            if (turns.size() < 2 * spec.rounds()) {
                Debate debate = new Debate(id, settings, answerer, new DebateListeners(List.of(recorder, syncing(cost))));
                DebateResult result = debate.continueFrom(turns, cancel);
                turns = result.turns();
            }
            Map<String, Winner> votes = panel(p, id, settings, turns, cancel, cost);
            Winner winner = PanelMajority.of(List.copyOf(votes.values())).orElse(Winner.TIE);
            boolean fallback = turns.stream().anyMatch(t -> !t.fallbacks().isEmpty());
            ended.as(DebateState.COMPLETE, winner, votes, fallback, null);
            complete.incrementAndGet();
        } catch (TurnFailedException | ChainFailedException e) {
            failed.incrementAndGet();
            ended.as(DebateState.FAILED, null, null, false, e.getMessage());
        } catch (HttpStatusException e) {
            // The account was refused: every other request would be too.
            accountProblem.compareAndSet(null, e);
            stop.compareAndSet(null, new Stop(TournamentStatus.FAILED, e.getMessage()));
            run.cancel();
            ended.as(DebateState.INTERRUPTED, null, null, false, e.getMessage());
        } catch (CancelledException e) {
            ended.as(DebateState.INTERRUPTED, null, null, false, null); // the state says it all
        } catch (RuntimeException e) {
            // A bug (views never throw here: see tell): this debate fails, the others go on.
            failed.incrementAndGet();
            ended.as(DebateState.FAILED, null, null, false, String.valueOf(e.getMessage()));
        } finally {
            cancel.release();
            // What the debate really cost, as far as anyone reported it, takes its reservation's place.
            money.settle(cost.total() == null ? 0.0 : cost.total());
        }
    }

    /**
     * Tells the views. A view that fails (the reader of stdout went away, a full disk) stops the
     * run as an interrupt would: what was played is kept, and a resume goes on; the debates
     * themselves never fail for it. The failure is kept for the caller to word.
     */
    private void tell(java.util.function.Consumer<TournamentListener> event) {
        if (viewFailure.get() != null) {
            return;
        }
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            if (viewFailure.compareAndSet(null, e)) {
                stop.compareAndSet(null, new Stop(TournamentStatus.INTERRUPTED, e.getMessage()));
                run.cancel();
            }
        }
    }

    /** The failure of a view that stopped the run, if one did. */
    public RuntimeException viewFailure() {
        return viewFailure.get();
    }

    /** The 401 or 402 that stopped the run, if one did: the command words it and exits with its code. */
    public HttpStatusException accountProblem() {
        return accountProblem.get();
    }

    /**
     * Each judge of the debate's panel reads it twice, positions swapped; readings an earlier run
     * stored are taken as they are. Returns each judge's vote, in panel order.
     */
    private Map<String, Winner> panel(PlannedDebate p, String id, DebateSettings settings, List<Turn> turns,
                                      Cancellation cancel, CostCount cost)
            throws ChainFailedException, HttpStatusException, CancelledException {
        Map<String, Winner> votes = new LinkedHashMap<>();
        for (String judgeModel : Families.panel(spec.judges(), p.leg().pro(), p.leg().con())) {
            Judge judge = new Judge(answerer, List.of(judgeModel));
            JudgeAnswer[] answers = new JudgeAnswer[2];
            for (int reading = 1; reading <= 2; reading++) {
                answers[reading - 1] = stored(p, judgeModel, reading);
                if (answers[reading - 1] == null) {
                    Side first = reading == 1 ? Side.PRO : Side.CON;
                    JudgeAnswer answer = judge.read(settings, turns, first, reading, new DebateListener() {
                    }, cancel, id);
                    cost.add(answer.usage().cost());
                    log.reading(id, new PanelReading(judgeModel, reading, answer.reading(), answer.answeringModel()));
                    log.sync();
                    answers[reading - 1] = answer;
                }
            }
            votes.put(judgeModel, Judge.merge(answers[0], answers[1]).winner());
        }
        return votes;
    }

    private static JudgeAnswer stored(PlannedDebate p, String judge, int reading) {
        return p.readings().stream()
                .filter(r -> r.judge().equals(judge) && r.reading() == reading)
                .findFirst()
                .map(r -> new JudgeAnswer(r.answer(), r.model(), Usage.NONE, Duration.ZERO))
                .orElse(null);
    }

    @FunctionalInterface
    private interface Ended {
        void as(DebateState state, Winner winner, Map<String, Winner> votes, boolean fallback, String error);
    }

    /** Records how the debate ended, in its own record and the tournament's, and tells the views. */
    private void end(PlannedDebate p, String id, DebateListener recorder, DebateState state, Winner winner,
                     Map<String, Winner> votes, boolean fallback, Double cost, String error) {
        recorder.ended(id, switch (state) {
            case COMPLETE -> DebateOutcome.COMPLETE;
            case FAILED -> new DebateOutcome(DebateOutcome.Result.FAILED, error);
            default -> new DebateOutcome(DebateOutcome.Result.INTERRUPTED, error);
        });
        log.debateEnded(p.leg(), state, winner, votes, fallback, error);
        log.sync();
        DebateEnd ended = new DebateEnd(p.leg(), p.motion(), id, state, winner, votes, fallback, cost, error);
        tell(view -> view.debateEnded(ended));
    }

    /** The debate of one leg: its two models as Pro and Con, each with the shared fallbacks; no judge of its own. */
    DebateSettings settings(PlannedDebate p) {
        return new DebateSettings(p.motion(), spec.rounds(), fighter(Side.PRO, p.leg().pro()),
                fighter(Side.CON, p.leg().con()), spec.temperature(), spec.maxTokens(), null, List.of());
    }

    private Fighter fighter(Side side, String model) {
        List<String> chain = new ArrayList<>();
        chain.add(model);
        spec.fallbacks().stream().filter(f -> !f.equals(model)).forEach(chain::add);
        return new Fighter(side, chain, null);
    }

    /** After each turn, its record is committed before the next request goes out, and its cost counted. */
    private DebateListener syncing(CostCount cost) {
        return new DebateListener() {
            @Override
            public void turnEnded(String debateId, Turn turn) {
                cost.add(turn.usage().cost());
                log.sync();
            }
        };
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "arena-debate-" + n.incrementAndGet());
            t.setDaemon(true); // a request stuck past every timeout never keeps arena from exiting
            return t;
        };
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a run of one debate cost: its new turns and readings; null when none reported a cost. */
    private static final class CostCount {
        private Double total;

        synchronized void add(Double cost) {
            if (cost != null) {
                total = (total == null ? 0 : total) + cost;
            }
        }

        synchronized Double total() {
            return total;
        }
    }
}
