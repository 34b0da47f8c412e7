package dev.arena.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chunk shapes of openrouter-protocol.md sections 2, 3, 8 and 9, taken from real captures:
 * the decoder must never throw on them and must pick out exactly the parts arena uses.
 */
class ChunkDecoderTest {

    private final ChunkDecoder decoder = new ChunkDecoder();

    /** The full parse; every shape here is also one more check that the fast path agrees with it. */
    private Chunk decode(String json) {
        Chunk chunk = decoder.parse(json);
        assertNotNull(chunk, "a JSON object always decodes to a chunk");
        Chunk fast = FastChunkTest.fast(json);
        if (fast != null) {
            assertEquals(chunk, fast, "the fast path disagrees with the parser");
        }
        return chunk;
    }

    @Test
    void realOpenRouterRoleChunkHasEmptyContentAndModel() {
        Chunk c = decode("{\"id\":\"gen-1739458867-kUKFjpDGCEBBvK6V46PX\",\"provider\":\"OpenAI\","
                + "\"model\":\"openai/gpt-4o-mini\",\"object\":\"chat.completion.chunk\",\"created\":1739458867,"
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null}],"
                + "\"system_fingerprint\":\"fp_72ed7ab54c\"}");
        assertEquals(new Chunk("", null, "openai/gpt-4o-mini", null, null, null, "OpenAI"), c);
    }

    @Test
    void contentChunk() {
        Chunk c = decode("{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"finish_reason\":null}]}");
        assertEquals("Hello", c.content());
        assertNull(c.finishReason());
        assertNull(c.usage());
        assertNull(c.error());
    }

    @Test
    void finishReasonOnLastContentChunk() {
        Chunk c = decode("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"!\"},"
                + "\"finish_reason\":\"stop\",\"native_finish_reason\":\"end_turn\"}]}");
        assertEquals("!", c.content());
        assertEquals("stop", c.finishReason());
    }

    @Test
    void usageChunkWithEmptyChoicesAndCost() {
        Chunk c = decode("{\"choices\":[],\"usage\":{\"prompt_tokens\":13,\"completion_tokens\":16,\"total_tokens\":29,"
                + "\"cost\":0.000093,\"is_byok\":false,\"prompt_tokens_details\":{\"cached_tokens\":0,\"cache_write_tokens\":0},"
                + "\"cost_details\":{\"upstream_inference_cost\":0.000093,\"upstream_inference_prompt_cost\":0.000013,"
                + "\"upstream_inference_completions_cost\":0.00008},\"completion_tokens_details\":{\"reasoning_tokens\":0}}}");
        assertNull(c.content());
        assertNull(c.finishReason());
        assertEquals(new Usage(13, 16, 0.000093), c.usage());
        assertEquals(29, c.usage().totalTokens());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"prompt_tokens\":-3,\"completion_tokens\":16}",
        "{\"prompt_tokens\":13,\"completion_tokens\":16,\"cost\":1e300}",
        "{\"prompt_tokens\":13,\"completion_tokens\":16,\"cost\":1e999}",
        "{\"prompt_tokens\":1e10,\"completion_tokens\":16}",
        "{\"prompt_tokens\":13,\"completion_tokens\":16,\"cost\":-0.5}",
    })
    void absurdUsageIsInvalidAndTheChunksTextSurvives(String usage) {
        Chunk c = decode("{\"choices\":[{\"delta\":{\"content\":\"kept\"},\"finish_reason\":\"stop\"}],\"usage\":" + usage + "}");
        assertEquals(Usage.INVALID, c.usage());
        assertEquals("kept", c.content());
        assertEquals("stop", c.finishReason());
    }

    @Test
    void usageWithoutCostFromOllama() {
        Chunk c = decode("{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"model\":\"llama3.2\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":26,\"completion_tokens\":5,\"total_tokens\":31}}");
        assertEquals(new Usage(26, 5, null), c.usage());
        assertEquals("llama3.2", c.model());
    }

    @Test
    void usageOnTheLastChoiceChunkFromLlamaCpp() {
        Chunk c = decode("{\"choices\":[{\"finish_reason\":\"stop\",\"index\":0,\"delta\":{}}],\"usage\":"
                + "{\"completion_tokens\":10,\"prompt_tokens\":5,\"total_tokens\":15},\"timings\":{\"predicted_n\":10}}");
        assertEquals("stop", c.finishReason());
        assertNull(c.content());
        assertEquals(new Usage(5, 10, null), c.usage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"choices\":[],\"usage\":{}}",
        "{\"choices\":[],\"usage\":null}",
        "{\"choices\":[],\"usage\":\"n/a\"}",
    })
    void emptyNullOrOddUsageIsNoUsage(String json) {
        assertNull(decode(json).usage());
    }

    @Test
    void nonNumericCostIsIgnoredButTokensKept() {
        Usage u = decode("{\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"cost\":\"free\"}}").usage();
        assertEquals(new Usage(1, 2, null), u);
    }

    @Test
    void reasoningDeltaWithNullContent() {
        Chunk c = decode("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,"
                + "\"reasoning\":\"Let me think\",\"reasoning_details\":[{\"type\":\"reasoning.text\",\"text\":\"Let me think\","
                + "\"format\":\"unknown\",\"index\":0}]},\"finish_reason\":null}]}");
        assertNull(c.content());
        assertEquals("Let me think", c.reasoning());
    }

    @Test
    void reasoningContentFromLlamaCppAndOldVllm() {
        Chunk c = decode("{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"hmm\"}}]}");
        assertEquals("hmm", c.reasoning());
        assertNull(c.content());
    }

    @Test
    void reasoningIsPreferredOverReasoningContent() {
        Chunk c = decode("{\"choices\":[{\"delta\":{\"reasoning\":\"new\",\"reasoning_content\":\"old\"}}]}");
        assertEquals("new", c.reasoning());
    }

    @Test
    void nullReasoningFallsBackToReasoningContent() {
        Chunk c = decode("{\"choices\":[{\"delta\":{\"reasoning\":null,\"reasoning_content\":\"old\"}}]}");
        assertEquals("old", c.reasoning());
    }

    @Test
    void midStreamErrorWithIntCode() {
        Chunk c = decode("{\"id\":\"gen-abc123\",\"object\":\"chat.completion.chunk\",\"created\":1234567890,"
                + "\"model\":\"openai/gpt-4o\",\"provider\":\"OpenAI\",\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\","
                + "\"metadata\":{\"error_type\":\"rate_limit_exceeded\"}},"
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"error\"}]}");
        assertEquals(new Chunk.ErrorBody("429", "Rate limit exceeded"), c.error());
        assertEquals("error", c.finishReason());
        assertEquals("", c.content());
        assertEquals("openai/gpt-4o", c.model());
    }

    @Test
    void midStreamErrorWithStringCode() {
        Chunk c = decode("{\"id\":\"cmpl-abc123\",\"object\":\"chat.completion.chunk\",\"created\":1234567890,"
                + "\"model\":\"gpt-3.5-turbo\",\"provider\":\"openai\",\"error\":{\"code\":\"server_error\","
                + "\"message\":\"Provider disconnected\"},\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},"
                + "\"finish_reason\":\"error\"}]}");
        assertEquals(new Chunk.ErrorBody("server_error", "Provider disconnected"), c.error());
    }

    @Test
    void vllmErrorWithoutChoices() {
        Chunk c = decode("{\"error\":{\"object\":\"error\",\"message\":\"CUDA out of memory\",\"type\":\"InternalServerError\","
                + "\"param\":null,\"code\":500}}");
        assertEquals(new Chunk.ErrorBody("500", "CUDA out of memory"), c.error());
        assertNull(c.content());
        assertNull(c.finishReason());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"error\":{}}",
        "{\"error\":{\"code\":null,\"message\":null}}",
    })
    void errorWithoutCodeOrMessageStillCountsAsError(String json) {
        assertEquals(new Chunk.ErrorBody("", "unknown error"), decode(json).error());
    }

    @Test
    void errorNullIsNoError() {
        assertNull(decode("{\"error\":null,\"choices\":[{\"delta\":{\"content\":\"x\"}}]}").error());
    }

    @Test
    void errorInsideTheChoice() {
        Chunk c = decode("{\"choices\":[{\"index\":0,\"finish_reason\":\"error\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"partial\"},\"error\":{\"code\":502,\"message\":\"Upstream failed\",\"metadata\":{}}}]}");
        assertEquals(new Chunk.ErrorBody("502", "Upstream failed"), c.error());
        assertEquals("partial", c.content());
        assertEquals("error", c.finishReason());
    }

    @Test
    void topLevelErrorWinsOverChoiceError() {
        Chunk c = decode("{\"error\":{\"code\":1,\"message\":\"top\"},\"choices\":[{\"error\":{\"code\":2,\"message\":\"inner\"}}]}");
        assertEquals(new Chunk.ErrorBody("1", "top"), c.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":null,\"choices\":null,\"error\":{\"code\":400,\"message\":\"bad\"}}",
        "{\"error\":{\"code\":400,\"message\":\"bad\"}}",
        "{\"choices\":{},\"error\":{\"code\":400,\"message\":\"bad\"}}",
        "{\"choices\":[null],\"error\":{\"code\":400,\"message\":\"bad\"}}",
        "{\"choices\":[\"oops\"],\"error\":{\"code\":400,\"message\":\"bad\"}}",
    })
    void choicesNullMissingOrMalformed(String json) {
        Chunk c = decode(json);
        assertEquals(new Chunk.ErrorBody("400", "bad"), c.error());
        assertNull(c.content());
        assertNull(c.finishReason());
    }

    @Test
    void nullsAndUnknownFieldsAreTolerated() {
        Chunk c = decode("{\"id\":\"gen-1\",\"created\":null,\"service_tier\":\"standard\",\"model\":\"x/y\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\",\"reasoning\":null,\"reasoning_details\":[],"
                + "\"refusal\":null,\"tool_calls\":null,\"future\":{\"a\":[1,2]}},\"finish_reason\":null,"
                + "\"native_finish_reason\":null,\"logprobs\":null}],\"usage\":null,\"timings\":{}}");
        assertEquals(new Chunk("ok", null, "x/y", null, null, null, null), c);
    }

    @Test
    void nonStreamingMessageInsteadOfDelta() {
        Chunk c = decode("{\"id\":\"gen-2\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"The whole answer.\",\"reasoning\":\"why\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4,\"cost\":0}}");
        assertEquals(new Chunk("The whole answer.", "why", "m", "stop", new Usage(3, 4, 0.0), null, null), c);
    }

    @Test
    void onlyTheFirstChoiceIsRead() {
        Chunk c = decode("{\"choices\":[{\"delta\":{\"content\":\"first\"}},{\"delta\":{\"content\":\"second\"}}]}");
        assertEquals("first", c.content());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ": OPENROUTER PROCESSING",
        "OPENROUTER PROCESSING",
        "[DONE]",
        "",
        "   ",
        "{\"choices\":[",
        "{\"a\":1} trailing",
        "[1,2,3]",
        "[{\"choices\":[]}]",
        "42",
        "\"text\"",
        "null",
        "true",
    })
    void notAJsonObjectIsSkipped(String data) {
        assertNull(decoder.parse(data));
        assertNull(FastChunkTest.fast(data));
    }

    @Test
    void unicodeAndEscapedContentIsDecoded() {
        Chunk c = decode("{\"choices\":[{\"delta\":{\"content\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\\n\\ttab \\u2028 \\\\ "
                + "日本語 😀\"}}]}");
        assertEquals("café 😀 \"q\"\n\ttab \u2028 \\ 日本語 😀", c.content());
    }
}
