package dev.arena.openrouter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The fast path either reads a chunk exactly as the full parser does, or leaves it to the parser. */
class FastChunkTest {

    private final ChunkDecoder decoder = new ChunkDecoder();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"gen-1\",\"provider\":\"OpenAI\",\"model\":\"openai/gpt-4o-mini\",\"object\":\"chat.completion.chunk\",\"created\":1,\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hello\"},\"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null}],\"system_fingerprint\":\"fp\"}",
        "{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"plain\"},\"finish_reason\":null}]}",
        "{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}",
        "{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null},\"finish_reason\":null}]}",
        "{\"model\":\"m\",\"choices\":[{\"delta\":{\"content\":\"quote \\\" backslash \\\\ slash \\/ nl \\n tab \\t cr \\r bs \\b ff \\f\"},\"finish_reason\":null}]}",
        "{\"model\":\"m\",\"choices\":[{\"delta\":{\"content\":\"caf\\u00e9 \\ud83d\\ude00 日本 😀\"},\"finish_reason\":null}]}",
        "{\"model\":\"m\",\"choices\":[{\"delta\":{\"content\":\"says \\\"content\\\": and \\\"error\\\"\"},\"finish_reason\":null}]}",
        "{\"choices\":[{\"delta\":{\"content\":\"no model\"},\"finish_reason\":null}]}",
        "{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"hi\",\"reasoning\":null,\"reasoning_details\":[]},\"finish_reason\":null}]}",
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"llama3.2\",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Ollama\"},\"finish_reason\":null}]}",
        // vLLM and OpenAI send "usage":null in every chunk.
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"Qwen/Qwen3-8B\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"vLLM\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
        "{ \"choices\" : [ { \"finish_reason\" : null , \"delta\" : { \"content\" : \"spaced\" , \"role\" : \"assistant\" } } ] ,\n \"model\" : \"m\" }",
        "{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":null}]}",
    })
    void commonChunksTakeTheFastPathWithTheParsersResult(String data) {
        Chunk fast = fast(data);
        assertNotNull(fast, "expected the fast path for " + data);
        assertEquals(decoder.parse(data), fast);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"choices\":[{\"delta\":{\"content\":\"x\"},\"finish_reason\":\"stop\"}]}",
        "{\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"cost\":0.1}}",
        "{\"choices\":[{\"delta\":{\"content\":null,\"reasoning\":\"think\"},\"finish_reason\":null}]}",
        "{\"choices\":[{\"delta\":{\"content\":\"\",\"reasoning\":null,\"reasoning_content\":\"think\"},\"finish_reason\":null}]}",
        "{\"error\":{\"code\":429,\"message\":\"slow down\"},\"choices\":[{\"delta\":{\"content\":\"\"},\"finish_reason\":null}]}",
        "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":null},{\"delta\":{\"content\":\"b\"},\"finish_reason\":null}]}",
        "{\"choices\":[{\"delta\":{\"tool_calls\":[],\"content\":\"x\"},\"finish_reason\":null}]}",
        "{\"choices\":[{\"message\":{\"content\":\"whole\"},\"finish_reason\":null}]}",
        "{\"model\":\"a\\\"b\",\"choices\":[{\"delta\":{\"content\":\"x\"},\"finish_reason\":null}]}",
        "{\"model\":\"a\",\"choices\":[{\"delta\":{\"content\":\"bad \\q escape\"},\"finish_reason\":null}]}",
        "{\"model\":\"a\",\"choices\":[{\"delta\":{\"content\":\"cut",
        "{\"model\":\"a\",\"choices\":[{\"delta\":{\"content\":5},\"finish_reason\":null}]}",
        "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
        ": OPENROUTER PROCESSING",
        "[DONE]",
    })
    void anythingElseIsLeftToTheParser(String data) {
        assertNull(fast(data), data);
    }

    /** The fast path on the UTF-8 of {@code data}. */
    static Chunk fast(String data) {
        return fast(data.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The fast path on {@code bytes}, placed inside a larger buffer as in the SSE parser, with
     * bytes around them that would change the result if it read outside its range.
     */
    static Chunk fast(byte[] bytes) {
        byte[] buffer = new byte[bytes.length + 7];
        Arrays.fill(buffer, (byte) '}');
        System.arraycopy(bytes, 0, buffer, 3, bytes.length);
        return FastChunk.tryDecode(buffer, 3, bytes.length);
    }
}
