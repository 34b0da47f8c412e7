package dev.arena.catalog;

import dev.arena.fake.FakeModels;
import dev.arena.openrouter.Usage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filters, sorts, suggestions and cost estimates over the fake's OpenRouter list. */
class CatalogTest {

    private final Catalog catalog = new Catalog(ModelJson.parseList(FakeModels.OPENROUTER), Catalog.Source.NETWORK, null, null);

    private static List<String> ids(Catalog c) {
        return c.ids();
    }

    @Test
    void searchLooksAtIdAndNameIgnoringCase() {
        assertEquals(List.of("openai/gpt-4o-mini"), ids(catalog.search("GPT")));
        assertEquals(List.of("anthropic/claude-sonnet-4.5"), ids(catalog.search("sonnet")));
        assertEquals(List.of("openrouter/auto"), ids(catalog.search("auto router")));
    }

    @Test
    void freeMeansBothPricesKnownToBeZero() {
        assertEquals(List.of("deepseek/deepseek-r1-0528:free"), ids(catalog.free()));
    }

    @Test
    void maxPriceIsPerMillionTokensForPromptAndCompletionAlike() {
        assertEquals(List.of("openai/gpt-4o-mini", "deepseek/deepseek-r1-0528:free"), ids(catalog.maxPrice(new BigDecimal("0.6"))));
        assertEquals(List.of("deepseek/deepseek-r1-0528:free"), ids(catalog.maxPrice(new BigDecimal("0.5"))));
        assertEquals(4, catalog.maxPrice(new BigDecimal("15")).models().size(), "unknown prices never pass");
    }

    @Test
    void minContextAndSupports() {
        assertEquals(List.of("anthropic/claude-sonnet-4.5", "openrouter/auto"), ids(catalog.minContext(200_000)));
        assertEquals(List.of("anthropic/claude-sonnet-4.5", "deepseek/deepseek-r1-0528:free"), ids(catalog.supports("reasoning")));
        assertEquals(List.of("openai/gpt-4o-mini", "anthropic/claude-sonnet-4.5", "mistralai/mistral-large"),
                ids(catalog.supports("tools")));
    }

    @Test
    void filtersChain() {
        assertEquals(List.of("openai/gpt-4o-mini"), ids(catalog.supports("tools").maxPrice(BigDecimal.ONE).minContext(100_000)));
    }

    @Test
    void sorts() {
        assertEquals(List.of("deepseek/deepseek-r1-0528:free", "openai/gpt-4o-mini", "mistralai/mistral-large",
                "anthropic/claude-sonnet-4.5", "openrouter/auto"), ids(catalog.sorted(ModelSort.PRICE)));
        assertEquals(List.of("openrouter/auto", "anthropic/claude-sonnet-4.5", "deepseek/deepseek-r1-0528:free",
                "mistralai/mistral-large", "openai/gpt-4o-mini"), ids(catalog.sorted(ModelSort.CONTEXT)));
        assertEquals(List.of("anthropic/claude-sonnet-4.5", "openrouter/auto", "deepseek/deepseek-r1-0528:free",
                "mistralai/mistral-large", "openai/gpt-4o-mini"), ids(catalog.sorted(ModelSort.NAME)));
        assertEquals("anthropic/claude-sonnet-4.5", catalog.sorted(ModelSort.NEWEST).ids().get(0));
    }

    @Test
    void findIsExact() {
        assertTrue(catalog.find("openai/gpt-4o-mini").isPresent());
        assertFalse(catalog.find("gpt-4o-mini").isPresent());
    }

    @Test
    void costIsEstimatedFromPricesWhenTheServerReportsNone() {
        CostEstimator costs = new CostEstimator(catalog);
        Usage estimated = costs.complete("openai/gpt-4o-mini", new Usage(1000, 200, null));
        assertTrue(estimated.costEstimated());
        assertEquals(0.00015 + 0.00012, estimated.cost(), 1e-12);
        Usage reported = new Usage(1000, 200, 0.5);
        assertEquals(reported, costs.complete("openai/gpt-4o-mini", reported), "a reported cost wins");
        assertEquals(Usage.NONE, costs.complete("openai/gpt-4o-mini", Usage.NONE), "no tokens, nothing to estimate");
        assertNull(costs.complete("unknown/model", new Usage(1, 1, null)).cost());
        assertNull(costs.complete("openrouter/auto", new Usage(1, 1, null)).cost(), "variable prices: no estimate");
        assertEquals(0.0, costs.complete("deepseek/deepseek-r1-0528:free", new Usage(10, 10, null)).cost());
        assertNull(CostEstimator.NONE.complete("openai/gpt-4o-mini", new Usage(1, 1, null)).cost());
    }

    @Test
    void theRequestPriceIsAddedOnce() {
        Pricing p = new Pricing(new BigDecimal("0.000001"), new BigDecimal("0.000002"), new BigDecimal("0.01"), null);
        assertEquals(0.01 + 0.00001 + 0.00002, CostEstimator.estimate(p, new Usage(10, 10, null)).orElseThrow(), 1e-12);
    }

    @Test
    void suggestionsFromTheCatalogue() {
        assertEquals("openai/gpt-4o-mini", catalog.suggestions("gpt-4o-mini", 3).get(0));
        assertEquals("mistralai/mistral-large", catalog.suggestions("mistral/mistral-large", 3).get(0));
    }
}
