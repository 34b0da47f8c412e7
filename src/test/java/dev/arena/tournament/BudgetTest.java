package dev.arena.tournament;

import dev.arena.catalog.Catalog;
import dev.arena.catalog.ModelInfo;
import dev.arena.catalog.Pricing;
import dev.arena.fake.ScriptedAnswerer;
import dev.arena.fake.ScriptedAnswerer.Reply;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.Message;
import dev.arena.resilience.ChainFailedException;
import dev.arena.resilience.ChainListener;
import dev.arena.resilience.RequestTag;
import dev.arena.fake.QuietChainListener;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The budget holds even when every request running at once uses its max tokens; spending is what was really spent. */
class BudgetTest {

    private static final ChainListener QUIET = QuietChainListener.QUIET;

    private static Catalog catalog(String model, String promptPerToken, String completionPerToken) {
        ModelInfo info = new ModelInfo(model, model, null, 8192,
                new Pricing(new BigDecimal(promptPerToken), new BigDecimal(completionPerToken), null, null),
                null, List.of(), null, "");
        return new Catalog(List.of(info), Catalog.Source.NETWORK, Instant.now(), null);
    }

    /** A catalogue where each of {@code models} has these prices per token. */
    static Catalog catalogOf(double prompt, double completion, String... models) {
        List<ModelInfo> infos = new ArrayList<>();
        for (String model : models) {
            infos.add(catalog(model, BigDecimal.valueOf(prompt).toPlainString(), BigDecimal.valueOf(completion).toPlainString())
                    .find(model).orElseThrow());
        }
        return new Catalog(infos, Catalog.Source.NETWORK, Instant.now(), null);
    }

    @Test
    void aRequestStartsOnlyWhenSpentPlusReservedPlusItsMostStaysWithinTheLimit() {
        Budget budget = new Budget(1.0, 0.25);
        Budget.Reservation first = budget.reserve(0.5);
        assertThrows(BudgetReachedException.class, () -> budget.reserve(0.5), "0.25 + 0.5 + 0.5 > 1");
        assertTrue(budget.reached());
        first.settle(0.1);
        assertEquals(0.35, budget.spent(), 1e-12);
        assertThrows(BudgetReachedException.class, () -> budget.reserve(0.01), "once reached, nothing more starts");
    }

    @Test
    void anUnknownCostCountsAsTheMostItCouldHaveBeen() {
        Budget budget = new Budget(10, 0);
        budget.reserve(2).settle(null);
        assertEquals(2, budget.spent(), 1e-12);
        Budget.Reservation twice = budget.reserve(1);
        twice.settle(0.5);
        twice.settle(0.5);
        assertEquals(2.5, budget.spent(), 1e-12, "settled once");
    }

    @Test
    void theBoundCountsMaxTokensAndThePromptAtThreeCharactersPerTokenForTheDearestModelOfTheChain() {
        Catalog catalog = new Catalog(List.of(
                catalog("a/cheap", "0.000001", "0.000002").find("a/cheap").orElseThrow(),
                catalog("b/dear", "0.00001", "0.00002").find("b/dear").orElseThrow()), Catalog.Source.NETWORK, Instant.now(), null);
        CostBound bound = new CostBound(catalog);
        ChatRequest request = new ChatRequest("a/cheap", List.of(Message.user("x".repeat(300))), null, 100, null);
        long promptTokens = 300 / 3 + 1 + CostBound.TOKENS_PER_MESSAGE;
        assertEquals(promptTokens * 0.000001 + 100 * 0.000002, bound.request(request, List.of("a/cheap"), 500).orElseThrow(), 1e-12);
        assertEquals(promptTokens * 0.00001 + 100 * 0.00002,
                bound.request(request, List.of("a/cheap", "b/dear"), 500).orElseThrow(), 1e-12);
        assertTrue(bound.request(request, List.of("a/cheap", "c/unknown"), 500).isEmpty());
        assertEquals(List.of("c/unknown"), bound.unpriced(List.of("a/cheap", "c/unknown", "c/unknown")));
    }

    @Test
    void manyDebatesAtOnceNeverPassTheBudgetTogether() throws Exception {
        // Each request may cost 120 prompt-ish tokens + 100 completion tokens at $0.001: about $0.12 at most,
        // and really costs $0.05. A $1 budget admits requests while 0.05*spent + 0.12*running fits.
        Catalog catalog = catalog("m/one", "0.001", "0.001");
        ScriptedAnswerer script = new ScriptedAnswerer(Integer.MAX_VALUE);
        for (int i = 0; i < 200; i++) {
            script.script("m/one", Reply.text("answer").usage(10, 10, 0.05));
        }
        Budget budget = new Budget(1.0, 0);
        BudgetedAnswerer answerer = new BudgetedAnswerer(script, budget, new CostBound(catalog), 100);
        ChatRequest request = new ChatRequest("m/one", List.of(Message.user("question")), null, 100, null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(pool.submit(() -> {
                try {
                    answerer.answer(request, List.of("m/one"), QUIET, new Cancellation(), RequestTag.chat("c"));
                    return true;
                } catch (BudgetReachedException e) {
                    return false;
                }
            }));
        }
        int answered = 0;
        for (Future<Boolean> f : results) {
            answered += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(answered, script.asked().size(), "a refused request is never sent");
        assertTrue(budget.spent() <= 1.0, "spent " + budget.spent());
        assertTrue(answered >= 10, "the budget admitted only " + answered);
        assertTrue(budget.reached());
    }

    @Test
    void aChainThatFailedBeforeAnyTextCostsNothing() {
        Catalog catalog = catalog("m/one", "0.001", "0.001");
        ScriptedAnswerer script = new ScriptedAnswerer(Integer.MAX_VALUE).script("m/one", Reply.fails("boom"));
        Budget budget = new Budget(1.0, 0);
        BudgetedAnswerer answerer = new BudgetedAnswerer(script, budget, new CostBound(catalog), 100);
        ChatRequest request = new ChatRequest("m/one", List.of(Message.user("q")), null, 100, null);
        assertThrows(ChainFailedException.class,
                () -> answerer.answer(request, List.of("m/one"), QUIET, new Cancellation(), RequestTag.chat("c")));
        assertEquals(0, budget.spent(), 1e-12);
        assertFalse(budget.reached());
    }
}
