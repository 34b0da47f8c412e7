package dev.arena.fake;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code GET /models} bodies as servers send them. {@link #OPENROUTER} follows OpenRouter's
 * shape (protocol §5): prices as decimal strings per token, a {@code :free} variant, a model
 * with an {@code expiration_date}, a router priced "-1" (variable), fields missing or null.
 */
public final class FakeModels {

    /** Five models in OpenRouter's shape. */
    public static final String OPENROUTER = """
            {"data":[
              {"id":"openai/gpt-4o-mini","canonical_slug":"openai/gpt-4o-mini-2024-07-18","hugging_face_id":null,
               "name":"OpenAI: GPT-4o-mini","created":1721260800,
               "description":"GPT-4o mini is OpenAI's newest model after GPT-4 Omni.",
               "context_length":128000,
               "architecture":{"modality":"text+image->text","input_modalities":["text","image"],"output_modalities":["text"],"tokenizer":"GPT","instruct_type":null},
               "pricing":{"prompt":"0.00000015","completion":"0.0000006","request":"0","image":"0.000217","web_search":"0","internal_reasoning":"0","input_cache_read":"0.000000075"},
               "top_provider":{"context_length":128000,"max_completion_tokens":16384,"is_moderated":true},
               "per_request_limits":null,
               "supported_parameters":["max_tokens","temperature","top_p","stop","seed","tools","tool_choice","response_format","structured_outputs"],
               "default_parameters":{},"expiration_date":null},
              {"id":"anthropic/claude-sonnet-4.5","canonical_slug":"anthropic/claude-4.5-sonnet-20250929",
               "name":"Anthropic: Claude Sonnet 4.5","created":1759161676,
               "description":"Claude Sonnet 4.5 is Anthropic's most advanced Sonnet model.",
               "context_length":1000000,
               "architecture":{"modality":"text+image->text","input_modalities":["text","image","file"],"output_modalities":["text"],"tokenizer":"Claude","instruct_type":null},
               "pricing":{"prompt":"0.000003","completion":"0.000015","request":"0","image":"0.0048","input_cache_read":"0.0000003","input_cache_write":"0.00000375"},
               "top_provider":{"context_length":1000000,"max_completion_tokens":64000,"is_moderated":false},
               "supported_parameters":["include_reasoning","max_tokens","reasoning","stop","temperature","tool_choice","tools","top_k","top_p"]},
              {"id":"deepseek/deepseek-r1-0528:free","canonical_slug":"deepseek/deepseek-r1-0528",
               "name":"DeepSeek: R1 0528 (free)","created":1748455170,
               "description":"May 28th update to the original DeepSeek R1.",
               "context_length":163840,
               "architecture":{"modality":"text->text","input_modalities":["text"],"output_modalities":["text"],"tokenizer":"DeepSeek","instruct_type":"deepseek-r1"},
               "pricing":{"prompt":"0","completion":"0","request":"0","image":"0"},
               "top_provider":{"context_length":163840,"max_completion_tokens":null,"is_moderated":false},
               "supported_parameters":["include_reasoning","max_tokens","reasoning","seed","temperature"]},
              {"id":"mistralai/mistral-large","name":"Mistral Large","created":1708905600,
               "description":"Mistral's flagship model.","context_length":128000,
               "pricing":{"prompt":"0.000002","completion":"0.000006"},
               "top_provider":{"context_length":128000,"max_completion_tokens":null,"is_moderated":false},
               "supported_parameters":["max_tokens","temperature","tools"],
               "expiration_date":"2026-03-01"},
              {"id":"openrouter/auto","name":"Auto Router","created":1699401600,
               "description":"Your prompt will be processed by a meta-model and routed to one of dozens of models.",
               "context_length":2000000,
               "pricing":{"prompt":"-1","completion":"-1"},
               "top_provider":{"context_length":null,"max_completion_tokens":null,"is_moderated":false},
               "supported_parameters":null}
            ]}
            """;

    /** Ollama's OpenAI-compatible {@code /v1/models}: ids only. */
    public static final String OLLAMA = """
            {"object":"list","data":[
              {"id":"llama3.2:latest","object":"model","created":1730000000,"owned_by":"library"},
              {"id":"qwen2.5-coder:7b","object":"model","created":1731000000,"owned_by":"library"}
            ]}
            """;

    /**
     * A catalogue that prices every one of {@code ids} (a tournament's {@code --budget} needs
     * that): $0.000001 a prompt token and $0.000002 a completion token, so a turn costs about a
     * thousandth of a cent.
     */
    public static String priced(List<String> ids) {
        return "{\"data\":[" + ids.stream().map(id -> "{\"id\":\"" + id + "\",\"name\":\"" + id
                + "\",\"context_length\":8192,\"pricing\":{\"prompt\":\"0.000001\",\"completion\":\"0.000002\"}}")
                .collect(Collectors.joining(",")) + "]}";
    }

    private FakeModels() {
    }
}
