package dev.arena.catalog;

import dev.arena.fake.FakeModels;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    @Test
    void numbersNoDateOrCountHoldsAreUnknownNotAnError() {
        List<ModelInfo> models = ModelJson.parseList("""
                {"data":[{"id":"a/huge","created":1e25,"context_length":1e400,"pricing":{"prompt":"1e999999999"}},
                         {"id":"b/negative","created":-5,"context_length":-1,"top_provider":{"max_completion_tokens":3e9}},
                         {"id":"c/long","created":"%s","pricing":{"completion":"0.%s1"}}]}"""
                .formatted("1".repeat(10_000), "0".repeat(10_000)));
        assertEquals(3, models.size());
        for (ModelInfo m : models) {
            assertNull(m.created(), m.id());
            assertNull(m.contextLength(), m.id());
            assertNull(m.maxCompletionTokens(), m.id());
            assertNull(m.pricing().completion(), m.id());
        }
        assertEquals(0, new BigDecimal("1e999999999").compareTo(models.get(0).pricing().prompt()),
                "a huge price is kept as written; showing it is the views' business");
        assertEquals(253_402_300_799L, ModelJson.parseList("[{\"id\":\"x\",\"created\":253402300799}]").get(0).created(),
                "the last second of 9999 is still a date");
    }

    @Test
    void unknownFieldsAreSkippedAndNamesSharedAcrossModels() {
        List<ModelInfo> models = ModelJson.parseList("""
                [{"id":"a","architecture":{"modality":"text","deep":[[[{"x":1}]]]},"supported_parameters":["tools"]},
                 {"id":"b","supported_parameters":["tools"]}]""");
        assertEquals(List.of("tools"), models.get(1).supportedParameters());
        assertSame(models.get(0).supportedParameters().get(0), models.get(1).supportedParameters().get(0));
    }

    @Test
    void moreThanTheMostModelsIsRefusedInOneSentence() {
        String body = "[" + "{\"id\":\"m\"},".repeat(ModelListLimits.MAX_MODELS) + "{\"id\":\"one-too-many\"}]";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelJson.parseList(body));
        assertEquals("the model list holds more than 100,000 models", e.getMessage());
    }

    @Test
    void theBytesPastTheLimitAreNotRead() throws IOException {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        InputStream bounded = ModelListLimits.bounded(endless);
        assertEquals(ModelListLimits.MAX_BYTES, bounded.readNBytes((int) ModelListLimits.MAX_BYTES).length);
        ModelListLimits.ExceededException e = assertThrows(ModelListLimits.ExceededException.class, bounded::read);
        assertEquals("is larger than 32 MiB", e.getMessage());
    }
}
