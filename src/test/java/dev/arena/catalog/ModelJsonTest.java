package dev.arena.catalog;

import dev.arena.fake.FakeModels;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelJsonTest {

    @Test
    void readsOpenRoutersShapeWithPricesAsDecimalStrings() {
        List<ModelInfo> models = ModelJson.parseList(FakeModels.OPENROUTER);
        assertEquals(5, models.size());
        ModelInfo mini = models.get(0);
        assertEquals("openai/gpt-4o-mini", mini.id());
        assertEquals("OpenAI: GPT-4o-mini", mini.name());
        assertEquals(1721260800L, mini.created());
        assertEquals(128000, mini.contextLength());
        assertEquals(16384, mini.maxCompletionTokens());
        assertEquals(0, new BigDecimal("0.00000015").compareTo(mini.pricing().prompt()));
        assertEquals(0, new BigDecimal("0.15").compareTo(mini.pricing().promptPerMillion()));
        assertEquals(0, new BigDecimal("0.6").compareTo(mini.pricing().completionPerMillion()));
        assertTrue(mini.supports("tools"));
        assertTrue(mini.supports("SEED"));
        assertNull(mini.expirationDate());
        assertEquals(LocalDate.of(2026, 3, 1), models.get(3).expirationDate());
        assertTrue(models.get(2).pricing().free());
    }

    @Test
    void aNegativePriceMeansVariableAndIsUnknown() {
        ModelInfo auto = ModelJson.parseList(FakeModels.OPENROUTER).get(4);
        assertEquals("openrouter/auto", auto.id());
        assertNull(auto.pricing().prompt());
        assertEquals(List.of(), auto.supportedParameters());
    }

    @Test
    void readsOllamasShapeWithOnlyIds() {
        List<ModelInfo> models = ModelJson.parseList(FakeModels.OLLAMA);
        assertEquals(List.of("llama3.2:latest", "qwen2.5-coder:7b"), models.stream().map(ModelInfo::id).toList());
        ModelInfo llama = models.get(0);
        assertEquals("llama3.2:latest", llama.displayName());
        assertEquals(Pricing.UNKNOWN, llama.pricing());
        assertNull(llama.contextLength());
        assertEquals(1730000000L, llama.created());
    }

    @Test
    void toleratesMissingNullAndWronglyTypedFields() {
        String body = """
                {"data":[{"id":"a/b","name":null,"created":null,"context_length":"4096","pricing":{"prompt":0.000001,"completion":"n/a"},
                          "top_provider":"weird","supported_parameters":[null,"tools",3],"expiration_date":"soon"},
                         {"name":"no id"}, 42, null, {"id":"  "},
                         {"id":"c/d","top_provider":{"context_length":8192}}]}""";
        List<ModelInfo> models = ModelJson.parseList(body);
        assertEquals(2, models.size());
        ModelInfo ab = models.get(0);
        assertEquals(4096, ab.contextLength());
        assertEquals(0, new BigDecimal("0.000001").compareTo(ab.pricing().prompt()));
        assertNull(ab.pricing().completion());
        assertEquals(List.of("tools", "3"), ab.supportedParameters());
        assertNull(ab.expirationDate());
        assertEquals(8192, models.get(1).contextLength(), "context from top_provider when the model has none");
    }

    @Test
    void aBodyWithoutAListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ModelJson.parseList("<html>Not found</html>"));
        assertThrows(IllegalArgumentException.class, () -> ModelJson.parseList("{\"error\":{\"message\":\"x\"}}"));
        assertEquals(1, ModelJson.parseList("[{\"id\":\"bare/array\"}]").size());
    }

    @Test
    void writesWhatItReads() {
        List<ModelInfo> models = ModelJson.parseList(FakeModels.OPENROUTER);
        String written = "{\"data\":" + ModelJson.toJson(models) + "}";
        assertEquals(models, ModelJson.parseList(written));
        assertTrue(written.contains("\"prompt\":\"0.00000015\""), written);
    }
}
