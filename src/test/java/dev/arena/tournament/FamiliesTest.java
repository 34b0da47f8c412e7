package dev.arena.tournament;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FamiliesTest {

    @Test
    void aFamilyIsTheVendorPrefixWithoutCase() {
        assertEquals("openai", Families.of("openai/gpt-4o"));
        assertEquals("openai", Families.of("OpenAI/GPT-4o:nitro"));
        assertEquals("meta-llama", Families.of("meta-llama/llama-3.3-70b-instruct"));
        assertEquals("google", Families.of("~google/gemini-pro-latest"));
    }

    @Test
    void anIdWithoutAVendorIsItsOwnFamily() {
        assertEquals("llama3", Families.of("llama3"));
        assertEquals("llama3", Families.of("Llama3"));
    }

    @Test
    void aJudgeOfAFightersFamilySitsOutWhenOthersCanJudge() {
        List<String> judges = List.of("openai/gpt-4o", "Anthropic/claude-sonnet-4.5", "google/gemini-2.5-pro");
        assertEquals(List.of("google/gemini-2.5-pro"), Families.panel(judges, "openai/gpt-4o-mini", "anthropic/claude-haiku"));
        assertEquals(List.of("openai/gpt-4o", "google/gemini-2.5-pro"),
                Families.panel(judges, "deepseek/deepseek-chat", "ANTHROPIC/claude-opus"));
        assertEquals(judges, Families.panel(judges, "deepseek/deepseek-chat", "mistralai/mistral-large"));
    }

    @Test
    void whenEveryJudgeSharesAFightersFamilyTheWholePanelJudges() {
        List<String> judges = List.of("openai/gpt-4o", "anthropic/claude-sonnet-4.5");
        assertEquals(judges, Families.panel(judges, "openai/gpt-4o-mini", "anthropic/claude-haiku"));
        assertEquals(List.of("openai/gpt-4o"), Families.panel(List.of("openai/gpt-4o"), "openai/gpt-4o", "x/y"));
    }

    @Test
    void localModelsAreNobodysFamily() {
        assertEquals(List.of("llama3"), Families.panel(List.of("llama3", "qwen2"), "qwen2", "openai/gpt-4o"));
    }

    @Test
    void noJudgesMakeNoPanel() {
        assertEquals(List.of(), Families.panel(List.of(), "openai/gpt-4o", "x/y"));
    }
}
