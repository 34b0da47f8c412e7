package dev.arena.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionsTest {

    private static final List<String> IDS = List.of("openai/gpt-4o", "openai/gpt-4o-mini", "anthropic/claude-sonnet-4.5",
            "meta-llama/llama-3.3-70b-instruct", "meta-llama/llama-3-70b-instruct", "deepseek/deepseek-chat",
            "deepseek/deepseek-r1", "deepseek/deepseek-r1-0528:free", "mistralai/mistral-large");

    @Test
    void theSlugWithoutItsAuthorFindsTheModel() {
        assertEquals(List.of("openai/gpt-4o-mini"), Suggestions.nearest("gpt-4o-mini", IDS, 1));
        assertEquals("deepseek/deepseek-chat", Suggestions.nearest("deepseek-chat", IDS, 3).get(0));
    }

    @Test
    void aWrongAuthorPrefixFindsTheModel() {
        assertEquals("meta-llama/llama-3-70b-instruct", Suggestions.nearest("meta/llama-3-70b-instruct", IDS, 3).get(0));
    }

    @Test
    void typosWithinAFewEdits() {
        assertEquals("deepseek/deepseek-chat", Suggestions.nearest("deepseek/deepseek-chatt", IDS, 3).get(0));
        assertEquals("anthropic/claude-sonnet-4.5", Suggestions.nearest("anthropic/claude-sonet-4.5", IDS, 3).get(0));
    }

    @Test
    void aPrefixListsTheFamily() {
        List<String> near = Suggestions.nearest("deepseek/deepseek-r1", List.of("deepseek/deepseek-r1-0528:free", "deepseek/deepseek-chat"), 5);
        assertEquals("deepseek/deepseek-r1-0528:free", near.get(0));
    }

    @Test
    void nothingNearGivesNothing() {
        assertEquals(List.of(), Suggestions.nearest("google/gemini-pro", IDS, 5));
        assertEquals(List.of(), Suggestions.nearest("", IDS, 5));
    }

    @Test
    void limitedToMax() {
        assertEquals(2, Suggestions.nearest("deepseek", IDS, 2).size());
    }

    @Test
    void editDistance() {
        assertEquals(0, Suggestions.distance("abc", "abc"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(4, Suggestions.distance("", "abcd"));
    }
}
