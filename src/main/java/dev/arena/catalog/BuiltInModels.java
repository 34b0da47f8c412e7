package dev.arena.catalog;

import java.util.List;

/**
 * The models arena knows without asking a server: one or two current ids per family of
 * the original ArenaAI list, as OpenRouter's documentation names them (see section 7 of
 * the protocol notes). Ids that are gone or were never OpenRouter's
 * ({@code anthropic/claude-3.5-sonnet}, {@code google/gemini-pro}, {@code deepseek/deepseek-reasoner})
 * are replaced by their successors. Prices and context lengths are left unknown rather
 * than guessed: they change, and a wrong price is worse than none.
 */
public final class BuiltInModels {

    /** The ids, in family order. */
    public static final List<ModelInfo> MODELS = List.of(
            model("openai/gpt-4o", "OpenAI: GPT-4o"),
            model("openai/gpt-4o-mini", "OpenAI: GPT-4o-mini"),
            model("anthropic/claude-sonnet-4.5", "Anthropic: Claude Sonnet 4.5"),
            // An alias OpenRouter resolves to the newest Gemini Pro; the docs use it in place of google/gemini-pro.
            model("~google/gemini-pro-latest", "Google: Gemini Pro (latest)"),
            model("meta-llama/llama-3.3-70b-instruct", "Meta: Llama 3.3 70B Instruct"),
            model("mistralai/mistral-large", "Mistral: Mistral Large"),
            model("deepseek/deepseek-chat", "DeepSeek: DeepSeek V3"),
            model("deepseek/deepseek-r1", "DeepSeek: R1"));

    private BuiltInModels() {
    }

    private static ModelInfo model(String id, String name) {
        return new ModelInfo(id, name, null, null, Pricing.UNKNOWN, null, List.of(), null, null);
    }
}
