package dev.arena.tournament;

import dev.arena.catalog.Catalog;
import dev.arena.catalog.ModelInfo;
import dev.arena.catalog.Pricing;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The budget holds even when every debate running at once costs its most; spending is what was really spent. */
class BudgetTest {

    /** A catalogue where each of {@code models} has these prices per token. */
    static Catalog catalogOf(double prompt, double completion, String... models) {
        List<ModelInfo> infos = new ArrayList<>();
        for (String model : models) {
            infos.add(new ModelInfo(model, model, null, 8192, new Pricing(BigDecimal.valueOf(prompt),
                    BigDecimal.valueOf(completion), null, null), null, List.of(), null, ""));
        }
        return new Catalog(infos, Catalog.Source.NETWORK, Instant.now(), null);
    }

    @Test
    void aDebateStartsOnlyWhenSpentPlusReservedPlusItsMostStaysWithinTheLimit() {
        Budget budget = new Budget(1.0, 0.25);
        Budget.Reservation first = budget.reserve(0.5);
        BudgetReachedException refused = assertThrows(BudgetReachedException.class, () -> budget.reserve(0.5),
                "0.25 + 0.5 + 0.5 > 1");
        assertEquals("the budget of $1 is reached: the next debate could pass it", refused.getMessage());
        assertTrue(budget.reached());
        first.settle(0.1);
        assertEquals(0.35, budget.spent(), 1e-12);
        assertThrows(BudgetReachedException.class, () -> budget.reserve(0.01), "once reached, nothing more starts");
    }

    @Test
    void sumsAreDecimalSoALimitIsReachedExactly() {
        Budget budget = new Budget(0.02, 0);
        for (int i = 0; i < 20; i++) {
            budget.reserve(0.001).settle(0.001);
        }
        assertEquals(0.02, budget.spent(), 0.0);
        assertThrows(BudgetReachedException.class, () -> budget.reserve(0.001));
    }

    @Test
    void anUnknownCostCountsAsTheMostItCouldHaveBeenAndASettleCountsOnce() {
        Budget budget = new Budget(10, 0);
        budget.reserve(2).settle(null);
        assertEquals(2, budget.spent(), 1e-12);
        Budget.Reservation twice = budget.reserve(1);
        twice.settle(0.5);
        twice.settle(0.5);
        assertEquals(2.5, budget.spent(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Budget(Double.POSITIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> new Budget(-1, 0));
    }

    @Test
    void anUnlimitedBudgetRefusesNothingAndCounts() {
        Budget budget = Budget.unlimited(1.5);
        for (int i = 0; i < 100; i++) {
            budget.reserve(1e9).settle(0.01);
        }
        assertEquals(2.5, budget.spent(), 1e-9);
    }

    @Test
    void manyThreadsAtOnceNeverPassTheLimitTogether() throws Exception {
        // Each debate may cost $0.12 and really costs $0.05.
        Budget budget = new Budget(1.0, 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> started = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            started.add(pool.submit(() -> {
                try {
                    Budget.Reservation r = budget.reserve(0.12);
                    Thread.sleep(1);
                    r.settle(0.05);
                    return true;
                } catch (BudgetReachedException e) {
                    return false;
                }
            }));
        }
        int admitted = 0;
        for (Future<Boolean> f : started) {
            admitted += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertTrue(budget.spent() <= 1.0, "spent " + budget.spent());
        assertEquals(admitted * 0.05, budget.spent(), 1e-9, "spent is what the admitted ones cost");
        assertTrue(admitted >= 8, "the budget admitted only " + admitted);
    }

    @Test
    void theBoundOfADebateCountsEveryTurnAndReadingAtTheDearestModelOfEachChain() {
        TournamentSpec spec = new TournamentSpec("cup", List.of("a/cheap", "b/other"), List.of("M"), List.of("j/judge"),
                List.of("z/dear"), 1, 0.5, 100, 1);
        Leg leg = new Leg(new Group(0, "a/cheap", "b/other"), 1);
        CostBound cheapOnly = new CostBound(catalogOf(0.000001, 0.000002, "a/cheap", "b/other", "j/judge", "z/dear"));
        double cheap = cheapOnly.debate(spec, leg, List.of("j/judge"), "M").orElseThrow();
        assertTrue(cheap > 0);
        CostBound dearFallback = new CostBound(new Catalog(List.of(
                catalogOf(0.000001, 0.000002, "a/cheap", "b/other", "j/judge").find("a/cheap").orElseThrow(),
                catalogOf(0.000001, 0.000002, "b/other").find("b/other").orElseThrow(),
                catalogOf(0.000001, 0.000002, "j/judge").find("j/judge").orElseThrow(),
                catalogOf(0.00001, 0.00002, "z/dear").find("z/dear").orElseThrow()), Catalog.Source.NETWORK, Instant.now(), null));
        assertTrue(dearFallback.debate(spec, leg, List.of("j/judge"), "M").orElseThrow() > cheap,
                "a fallback may answer any turn, so its price counts");
        assertTrue(new CostBound(catalogOf(0.000001, 0.000002, "a/cheap")).debate(spec, leg, List.of("j/judge"), "M").isEmpty());
        assertEquals(List.of("j/judge"), new CostBound(catalogOf(1e-6, 1e-6, "a/cheap")).unpriced(List.of("a/cheap", "j/judge", "j/judge")));
    }
}
