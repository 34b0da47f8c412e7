package dev.arena.tournament;

import dev.arena.debate.DebateListener;
import dev.arena.debate.Turn;
import dev.arena.debate.Winner;
import dev.arena.openrouter.Cancellation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole tournament through a rule-following answerer: no HTTP, no store, many debates at once. */
class TournamentRunnerTest {

    private static final List<String> MODELS = List.of("a/weak", "b/middle", "c/strong");

    /** The tournament's record, kept in memory. */
    static final class MemoryLog implements TournamentLog {
        final AtomicInteger ids = new AtomicInteger();
        final Map<Leg, DebateState> states = Collections.synchronizedMap(new HashMap<>());
        final Map<Leg, Winner> winners = Collections.synchronizedMap(new HashMap<>());
        final Map<Leg, Boolean> fallbacks = Collections.synchronizedMap(new HashMap<>());
        final List<PanelReading> readings = Collections.synchronizedList(new ArrayList<>());
        final Map<String, List<Turn>> turns = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public String newDebate(String motion) {
            return "d" + ids.incrementAndGet();
        }

        @Override
        public DebateListener debateRecorder(String debateId, int kept) {
            return new DebateListener() {
                @Override
                public void turnEnded(String id, Turn turn) {
                    turns.computeIfAbsent(debateId, k -> Collections.synchronizedList(new ArrayList<>())).add(turn);
                }
            };
        }

        @Override
        public void debateStarted(Leg leg, String debateId) {
            states.put(leg, DebateState.RUNNING);
        }

        @Override
        public void reading(String debateId, PanelReading reading) {
            readings.add(reading);
        }

        @Override
        public void debateEnded(Leg leg, DebateState state, Winner winner, Map<String, Winner> votes,
                                boolean fallbackSpoke, String error) {
            states.put(leg, state);
            winners.put(leg, winner);
            fallbacks.put(leg, fallbackSpoke);
        }

        @Override
        public void sync() {
        }
    }

    private static TournamentSpec spec(List<String> judges, List<String> fallbacks, int rounds) {
        return new TournamentSpec("cup", MODELS, List.of("Cats beat dogs", "Tea beats coffee"), judges, fallbacks, rounds,
                0.5, 100, 7);
    }

    private static List<PlannedDebate> plan(TournamentSpec spec) {
        Schedule schedule = Schedule.of(spec.models(), spec.motions(), spec.seed());
        return schedule.debates().stream().map(l -> PlannedDebate.fresh(l, schedule.motion(l.motion()))).toList();
    }

    @Test
    void everyScheduledDebateIsPlayedWithItsPanelAndTheStrongerModelWinsEachLeg() {
        TournamentSpec spec = spec(List.of("j/judge"), List.of(), 2);
        RuleAnswerer answerer = new RuleAnswerer(MODELS);
        MemoryLog log = new MemoryLog();
        List<DebateEnd> ends = Collections.synchronizedList(new ArrayList<>());
        TournamentEnd end = new TournamentRunner(spec, plan(spec), answerer, log, new TournamentListener() {
            @Override
            public void debateEnded(DebateEnd e) {
                ends.add(e);
            }
        }, 4, Budget.unlimited(0), p -> 0).run(new Cancellation());

        assertEquals(TournamentStatus.COMPLETE, end.status());
        assertEquals(12, end.complete(), "3 pairs x 2 motions x 2 legs");
        assertEquals(12, ends.size());
        assertEquals(12 * (2 * 2 + 2), answerer.asked().size(), "4 turns and 2 readings per debate, nothing more");
        for (DebateEnd e : ends) {
            String stronger = MODELS.indexOf(e.leg().pro()) > MODELS.indexOf(e.leg().con()) ? "pro" : "con";
            assertEquals(stronger.equals("pro") ? Winner.PRO : Winner.CON, e.winner(), e.toString());
            assertEquals(0.006, e.cost(), 1e-9, "six answers at $0.001");
        }
        assertEquals(24, log.readings.size());
    }

    @Test
    void aJudgeOfAFightersFamilySitsOutWhileTheRestOfThePanelJudges() {
        TournamentSpec spec = spec(List.of("a/judge", "x/judge", "y/judge"), List.of(), 1);
        RuleAnswerer answerer = new RuleAnswerer(MODELS);
        new TournamentRunner(spec, plan(spec), answerer, new MemoryLog(), new TournamentListener() {
        }, 3, Budget.unlimited(0), p -> 0).run(new Cancellation());
        Map<String, Set<String>> judgesPerDebate = new HashMap<>();
        Map<String, Set<String>> fightersPerDebate = new HashMap<>();
        for (RuleAnswerer.Asked a : answerer.asked()) {
            (RuleAnswerer.isJudge(a) ? judgesPerDebate : fightersPerDebate)
                    .computeIfAbsent(a.tag().conversationId(), k -> new HashSet<>()).add(a.model());
        }
        assertEquals(12, fightersPerDebate.size());
        fightersPerDebate.forEach((debate, fighters) -> {
            Set<String> judges = judgesPerDebate.get(debate);
            boolean aFights = fighters.contains("a/weak");
            assertEquals(aFights ? Set.of("x/judge", "y/judge") : Set.of("a/judge", "x/judge", "y/judge"), judges, debate);
        });
    }

    @Test
    void aDebateThatFailsIsRecordedAndTheOthersGoOn() {
        TournamentSpec spec = spec(List.of("j/judge"), List.of(), 1);
        RuleAnswerer answerer = new RuleAnswerer(MODELS);
        answerer.failing.add("a/weak");
        MemoryLog log = new MemoryLog();
        TournamentEnd end = new TournamentRunner(spec, plan(spec), answerer, log, new TournamentListener() {
        }, 2, Budget.unlimited(0), p -> 0).run(new Cancellation());
        assertEquals(TournamentStatus.FAILED, end.status());
        assertEquals(8, end.failed(), "every debate of a/weak: 2 opponents x 2 motions x 2 legs");
        assertEquals(4, end.complete());
        assertEquals("8 debates failed", end.reason());
        log.states.forEach((leg, state) -> assertEquals(
                leg.pro().equals("a/weak") || leg.con().equals("a/weak") ? DebateState.FAILED : DebateState.COMPLETE, state));
    }

    @Test
    void aFallbackThatSpokeForAFighterIsMarkedSoTheRatingsCanLeaveItOut() {
        TournamentSpec spec = spec(List.of("j/judge"), List.of("z/backup"), 1);
        RuleAnswerer answerer = new RuleAnswerer(MODELS);
        answerer.failing.add("a/weak");
        MemoryLog log = new MemoryLog();
        TournamentEnd end = new TournamentRunner(spec, plan(spec), answerer, log, new TournamentListener() {
        }, 2, Budget.unlimited(0), p -> 0).run(new Cancellation());
        assertEquals(TournamentStatus.COMPLETE, end.status());
        log.fallbacks.forEach((leg, fallback) -> assertEquals(leg.pro().equals("a/weak") || leg.con().equals("a/weak"),
                fallback, leg.toString()));
    }

    @Test
    void a401StopsTheWholeTournamentAndNothingNewStarts() {
        TournamentSpec spec = spec(List.of("j/judge"), List.of(), 1);
        RuleAnswerer answerer = new RuleAnswerer(MODELS);
        answerer.refusing.add("c/strong");
        MemoryLog log = new MemoryLog();
        TournamentRunner runner = new TournamentRunner(spec, plan(spec), answerer, log, new TournamentListener() {
        }, 1, Budget.unlimited(0), p -> 0);
        TournamentEnd end = runner.run(new Cancellation());
        assertEquals(TournamentStatus.FAILED, end.status());
        assertNotNull(runner.accountProblem());
        assertEquals(1, answerer.asked().stream().filter(a -> a.model().equals("c/strong")).count(), "asked once, then stopped");
        assertTrue(log.states.values().stream().noneMatch(s -> s == DebateState.RUNNING));
        assertTrue(end.unfinished() > 0);
    }

    @Test
    void aCancelStopsEveryRunningDebateAndLeavesTheRestForAResume() {
        TournamentSpec spec = spec(List.of("j/judge"), List.of(), 3);
        RuleAnswerer answerer = new RuleAnswerer(MODELS);
        Cancellation root = new Cancellation();
        AtomicInteger seen = new AtomicInteger();
        answerer.cancelWhen = a -> {
            if (seen.incrementAndGet() == 10) {
                root.cancel(); // Ctrl-C, from another thread in real life
            }
            return false;
        };
        MemoryLog log = new MemoryLog();
        TournamentEnd end = new TournamentRunner(spec, plan(spec), answerer, log, new TournamentListener() {
        }, 4, Budget.unlimited(0), p -> 0).run(root);
        assertEquals(TournamentStatus.INTERRUPTED, end.status());
        assertTrue(log.states.values().stream().allMatch(s -> s == DebateState.INTERRUPTED || s == DebateState.COMPLETE),
                log.states.toString());
        assertTrue(answerer.asked().size() <= 10 + 4, "at most what was already under way: " + answerer.asked().size());
    }

    @Test
    void aViewThatFailsStopsTheRunAsAnInterruptAndFailsNoDebate() {
        TournamentSpec spec = spec(List.of("j/judge"), List.of(), 1);
        MemoryLog log = new MemoryLog();
        RuntimeException closed = new IllegalStateException("the reader of stdout went away");
        TournamentRunner runner = new TournamentRunner(spec, plan(spec), new RuleAnswerer(MODELS), log,
                new TournamentListener() {
                    @Override
                    public void debateEnded(DebateEnd end) {
                        throw closed;
                    }
                }, 1, Budget.unlimited(0), p -> 0);
        TournamentEnd end = runner.run(new Cancellation());
        assertEquals(TournamentStatus.INTERRUPTED, end.status());
        assertEquals(closed, runner.viewFailure());
        assertEquals(0, end.failed());
        assertTrue(log.states.values().stream().noneMatch(s -> s == DebateState.FAILED || s == DebateState.RUNNING),
                log.states.toString());
        assertTrue(end.complete() >= 1 && end.unfinished() > 0, end.toString());
    }

    @Test
    void aResumedDebateAsksOnlyForTheTurnsAndReadingsItIsMissing() {
        TournamentSpec spec = spec(List.of("j/judge"), List.of(), 2);
        PlannedDebate one = plan(spec).get(0);
        MemoryLog log = new MemoryLog();
        new TournamentRunner(spec, List.of(one), new RuleAnswerer(MODELS), log, new TournamentListener() {
        }, 1, Budget.unlimited(0), p -> 0).run(new Cancellation());
        List<Turn> turns = log.turns.get("d1");
        assertEquals(4, turns.size());

        // The same debate cut after three turns and the first reading, as a resume finds it.
        PlannedDebate cut = new PlannedDebate(one.leg(), one.motion(), "d1", DebateState.INTERRUPTED, turns.subList(0, 3),
                List.of(log.readings.get(0)));
        RuleAnswerer again = new RuleAnswerer(MODELS);
        MemoryLog resumed = new MemoryLog();
        TournamentEnd end = new TournamentRunner(spec, List.of(cut), again, resumed, new TournamentListener() {
        }, 1, Budget.unlimited(0), p -> 0).run(new Cancellation());
        assertEquals(TournamentStatus.COMPLETE, end.status());
        assertEquals(2, again.asked().size(), "the last turn and the second reading: " + again.asked());
        assertEquals("con", again.asked().get(0).tag().side());
        assertEquals(2, again.asked().get(0).tag().round());
        assertEquals(Integer.valueOf(2), again.asked().get(1).tag().reading());
        assertEquals("d1", again.asked().get(0).tag().conversationId(), "the same debate, not a new one");
        assertEquals(log.winners.get(one.leg()), resumed.winners.get(one.leg()));
    }

    @Test
    void aDebateCompleteInEveryRunIsNotPlayedAgain() {
        TournamentSpec spec = spec(List.of("j/judge"), List.of(), 1);
        List<PlannedDebate> plan = new ArrayList<>();
        for (PlannedDebate p : plan(spec)) {
            plan.add(plan.isEmpty() ? p : new PlannedDebate(p.leg(), p.motion(), "old", DebateState.COMPLETE, List.of(), List.of()));
        }
        RuleAnswerer answerer = new RuleAnswerer(MODELS);
        TournamentEnd end = new TournamentRunner(spec, plan, answerer, new MemoryLog(), new TournamentListener() {
        }, 2, Budget.unlimited(0), p -> 0).run(new Cancellation());
        assertEquals(4, answerer.asked().size(), "only the one debate left");
        assertEquals(12, end.complete());
    }

    @Test
    void budgetReachedStartsNoNewDebateAndEveryDebateBegunFinishes() {
        TournamentSpec spec = spec(List.of("j/judge"), List.of(), 1);
        RuleAnswerer answerer = new RuleAnswerer(MODELS);
        Budget budget = new Budget(0.02, 0);
        MemoryLog log = new MemoryLog();
        // Each debate may cost $0.005 and really costs 4 answers at $0.001: $0.02 admits some, not all twelve.
        TournamentRunner runner = new TournamentRunner(spec, plan(spec), answerer, log, new TournamentListener() {
        }, 2, budget, p -> 0.005);
        TournamentEnd end = runner.run(new Cancellation());
        assertEquals(TournamentStatus.BUDGET, end.status());
        assertEquals("the budget of $0.02 is reached: the next debate could pass it", end.reason());
        assertTrue(end.spent() <= 0.02, "spent " + end.spent());
        assertTrue(end.complete() >= 3 && end.unfinished() > 0, end.toString());
        assertTrue(log.states.values().stream().allMatch(s -> s == DebateState.COMPLETE),
                "a debate begun within the budget finishes: " + log.states);
        assertEquals(answerer.asked().size(), Math.round(end.spent() / 0.001), "spent is what was answered");
    }

    static Set<String> ids(List<RuleAnswerer.Asked> asked) {
        return asked.stream().map(a -> a.tag().conversationId()).collect(Collectors.toSet());
    }
}
