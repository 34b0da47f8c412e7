package dev.arena.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Holds the fast path to its contract on many texts: for every one, {@link FastChunk} returns
 * null or exactly what the full parser makes of the same bytes decoded as the SSE parser decodes
 * them. The texts are real chunk shapes, awkward variants of them, and every small mutation of a
 * few samples, since a scanner's mistakes hide at the edges a hand-picked list misses.
 */
class FastChunkDifferentialTest {

    private final ChunkDecoder decoder = new ChunkDecoder();

    // Samples for the mutation tests: the common chunk, and ones rich in escapes, in raw UTF-8
    // without escapes (each takes its own decoding path), and in skipped structure. Like all
    // texts here, written with ' for " (see json()).
    private static final String OPENROUTER_CONTENT =
            "{'id':'gen-1','provider':'Google','model':'google/gemini-2.5-flash','object':'chat.completion.chunk','created':1,'choices':[{'index':0,'delta':{'role':'assistant','content':'Hello','reasoning':null,'reasoning_details':[]},'finish_reason':null,'native_finish_reason':null,'logprobs':null}]}";
    private static final String UNICODE_ESCAPES =
            "{'model':'m','choices':[{'delta':{'content':'caf\\u00e9 \\ud83d\\ude00 \\u2028 \\uD83D\\uDE00 \\u0000 日本 😀 é€ Ａ'},'finish_reason':null}]}";
    private static final String RAW_UTF8 =
            "{'model':'模型/😀','choices':[{'delta':{'content':'naïve 5€ 日本語 Ａ 😀'},'finish_reason':null}]}";
    private static final String NESTED_SKIPPED =
            "{'model':'m','meta':{'a':'}]\\'{[,:','b':[1,{'c':'\\'}'},[],{}],'d':-1.5e+3,'e':true,'f':false,'g':null,'h':0,'i':1E-2,'j':[[[[]]]]},'choices':[{'delta':{'content':'x'},'finish_reason':null,'x':{'content':'not this','delta':{}}}]}";

    /** Chunk shapes. */
    private static final List<String> SHAPES = List.of(
            // OpenRouter: role, content, reasoning, finish, usage, mid-stream error.
            "{'id':'gen-1739458867-kUKFjpDGCEBBvK6V46PX','provider':'OpenAI','model':'openai/gpt-4o-mini','object':'chat.completion.chunk','created':1739458867,'choices':[{'index':0,'delta':{'role':'assistant','content':''},'finish_reason':null,'native_finish_reason':null,'logprobs':null}],'system_fingerprint':'fp_72ed7ab54c'}",
            OPENROUTER_CONTENT,
            "{'id':'gen-1','provider':'Anthropic','model':'anthropic/claude-sonnet-4','object':'chat.completion.chunk','created':1,'choices':[{'index':0,'delta':{'role':'assistant','content':'','reasoning':'Let me think','reasoning_details':[{'type':'reasoning.text','text':'Let me think','format':'anthropic-claude-v1','index':0}]},'finish_reason':null,'native_finish_reason':null,'logprobs':null}]}",
            "{'id':'gen-1','provider':'OpenAI','model':'openai/o3','object':'chat.completion.chunk','created':1,'choices':[{'index':0,'delta':{'role':'assistant','content':null,'reasoning':null,'reasoning_details':[{'type':'reasoning.encrypted','data':'gAAA==','id':'rs_1','format':'openai-responses-v1','index':0}]},'finish_reason':null}]}",
            "{'id':'gen-1','provider':'OpenAI','model':'openai/gpt-4o-mini','object':'chat.completion.chunk','created':1,'choices':[{'index':0,'delta':{'role':'assistant','content':''},'finish_reason':'stop','native_finish_reason':'stop','logprobs':null}],'system_fingerprint':'fp'}",
            "{'id':'gen-1','provider':'OpenAI','model':'openai/gpt-4o-mini','object':'chat.completion.chunk','created':1,'choices':[{'index':0,'delta':{'role':'assistant','content':''},'finish_reason':null,'native_finish_reason':null,'logprobs':null}],'usage':{'prompt_tokens':10,'completion_tokens':2,'total_tokens':12,'cost':0.0000123,'is_byok':false,'prompt_tokens_details':{'cached_tokens':0},'cost_details':{'upstream_inference_cost':null},'completion_tokens_details':{'reasoning_tokens':0}}}",
            "{'id':'gen-1','object':'chat.completion.chunk','created':1,'model':'m','provider':'p','error':{'code':'server_error','message':'Provider disconnected'},'choices':[{'index':0,'delta':{'content':''},'finish_reason':'error'}]}",
            "{'choices':[{'index':0,'delta':{'content':'x'},'finish_reason':null,'error':{'code':502,'message':'bad'}}]}",
            // OpenAI: refusal in the first chunk, usage null on every chunk, the usage chunk, logprobs.
            "{'id':'chatcmpl-abc','object':'chat.completion.chunk','created':1694268190,'model':'gpt-4o-mini-2024-07-18','service_tier':'default','system_fingerprint':'fp_44709d6fcb','choices':[{'index':0,'delta':{'role':'assistant','content':'','refusal':null},'logprobs':null,'finish_reason':null}],'usage':null,'obfuscation':'a1b2'}",
            "{'id':'chatcmpl-abc','object':'chat.completion.chunk','created':1694268190,'model':'gpt-4o-mini-2024-07-18','service_tier':'default','system_fingerprint':'fp_44709d6fcb','choices':[{'index':0,'delta':{'content':' world'},'logprobs':null,'finish_reason':null}],'usage':null,'obfuscation':'a1b2'}",
            "{'id':'chatcmpl-abc','object':'chat.completion.chunk','created':1,'model':'gpt-4o','choices':[],'usage':{'prompt_tokens':9,'completion_tokens':12,'total_tokens':21,'prompt_tokens_details':{'cached_tokens':0,'audio_tokens':0}}}",
            "{'id':'c','model':'gpt-4o','choices':[{'index':0,'delta':{'content':'Hi'},'logprobs':{'content':[{'token':'Hi','logprob':-0.0001,'bytes':[72,105],'top_logprobs':[]}],'refusal':null},'finish_reason':null}]}",
            "{'id':'c','model':'gpt-4o','choices':[{'index':0,'delta':{'tool_calls':[{'index':0,'id':'call_1','type':'function','function':{'name':'get_weather','arguments':''}}]},'finish_reason':null}]}",
            "{'id':'c','model':'gpt-4o','choices':[{'index':0,'delta':{'content':null,'tool_calls':[{'index':0,'function':{'arguments':'{\\'city\\':'}}]},'finish_reason':null}]}",
            "{'id':'c','model':'gpt-4o','choices':[{'index':0,'delta':{'content':'a'},'finish_reason':null},{'index':1,'delta':{'content':'b'},'finish_reason':null}]}",
            "{'id':'c','model':'gpt-4o','choices':[{'index':0,'message':{'role':'assistant','content':'whole'},'finish_reason':'stop'}]}",
            // Ollama, with and without thinking.
            "{'id':'chatcmpl-519','object':'chat.completion.chunk','created':1728000000,'model':'llama3.2','system_fingerprint':'fp_ollama','choices':[{'index':0,'delta':{'role':'assistant','content':'Ollama'},'finish_reason':null}]}",
            "{'id':'chatcmpl-519','object':'chat.completion.chunk','created':1728000000,'model':'qwen3','system_fingerprint':'fp_ollama','choices':[{'index':0,'delta':{'role':'assistant','content':'','reasoning':'hmm'},'finish_reason':null}]}",
            // vLLM: usage null, reasoning_content, extra ids.
            "{'id':'chatcmpl-x','object':'chat.completion.chunk','created':1,'model':'Qwen/Qwen3-8B','choices':[{'index':0,'delta':{'content':'Hi'},'logprobs':null,'finish_reason':null,'stop_reason':null}],'usage':null,'prompt_token_ids':null}",
            "{'id':'chatcmpl-x','object':'chat.completion.chunk','created':1,'model':'Qwen/Qwen3-8B','choices':[{'index':0,'delta':{'reasoning_content':'think'},'logprobs':null,'finish_reason':null}],'usage':null}",
            // Escapes, multi-byte and 4-byte UTF-8, in content and around it.
            "{'model':'m','choices':[{'delta':{'content':'quote \\' backslash \\\\ slash \\/ nl \\n tab \\t cr \\r bs \\b ff \\f'},'finish_reason':null}]}",
            UNICODE_ESCAPES,
            "{'model':'m','choices':[{'delta':{'content':'lone \\ud83d and \\ude00 surrogates'},'finish_reason':null}]}",
            RAW_UTF8,
            "{'model':'m','choices':[{'delta':{'content':'日本語 😀 naïve 5€ \\n 🎉'},'finish_reason':null}]}",
            "{'model':'m\\u00e9','choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'mödel':'m','choices':[{'delta':{'cöntent':'x'},'finish_reason':null}]}",
            // Keys in other orders, whitespace between tokens, skipped keys that look like structure.
            "{'choices':[{'finish_reason':null,'delta':{'content':'x','role':'assistant'},'index':0}],'model':'m','id':'i'}",
            " {\n  'model' : 'm' ,\r\n  'choices' : [ {\t'delta' : { 'content' : 'spaced' } , 'finish_reason' : null } ]\n}",
            NESTED_SKIPPED,
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}],'message':{'content':'root message is ignored'}}",
            // Things that matter if repeated, spelled with escapes, or of another type.
            "{'model':'a','model':'b','choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}],'choices':[{'delta':{'content':'y'}}]}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'delta':{'content':'y'},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'content':'x','content':'y'},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'con\\u0074ent':'x'},'finish_reason':null}]}",
            "{'model':'m','choi\\u0063es':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'mod\\u0065l':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}],'usage':null,'usage':null}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}],'usage':{}}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}],'usage':0}",
            "{'model':7,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':null,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'content':true},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'content':{'text':'x'}},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':null,'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'content':'x'}}]}",
            "{'model':'m','choices':[{'finish_reason':null}]}",
            "{'model':'m','choices':{'delta':{'content':'x'}}}",
            "{'model':'m','choices':[]}",
            "{'model':'m','choices':[null]}",
            "{'model':'m'}",
            "{}",
            "{'model':'m','choices':[{'delta':{'content':'x','reasoning':''},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'content':'x','reasoning_details':[{}]},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'role':null,'content':'x'},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':'length'}]}");

    /** Texts that are not quite JSON, or only in Gson's lenient corners, or beyond its limits. */
    private static final List<String> ODDITIES = List.of(
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}]} ",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}]}\n",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}]}{}",
            "\ufeff{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null,}]}",
            "{'model':'m','choices':[{'delta':{'content':'x'} 'finish_reason':null}]}",
            "{model:'m','choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':NULL}]}",
            "{'model':'m','n':TRUE,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':nul,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':nullx,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':01,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':-,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':1.,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':.5,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':1e,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':+1,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':0x1F,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':NaN,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':-0.0e-0,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':1 /*c*/,'choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':'\\x','choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':'\\u12','choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','n':'\\u12g4','choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'content':'x\\'},'finish_reason':null}]}",
            "{\"model\":\"m\",\"n\":'single',\"choices\":[{\"delta\":{\"content\":\"x\"},\"finish_reason\":null}]}",
            "{\"model\":\"m\",\"choices\":[{\"delta\":{\"content\":\"it\\'s\"},\"finish_reason\":null}]}",
            "{\"model\":\"m\",\"n\":\"it\\'s\",\"choices\":[{\"delta\":{\"content\":\"x\"},\"finish_reason\":null}]}",
            "{'model':'m','choices':[{'delta':{'content':'raw\ttab'},'finish_reason':null}]}",
            "{'model':'m','n':'raw\u0001control','choices':[{'delta':{'content':'x'},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'content':'raw\nnewline'},'finish_reason':null}]}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}]\f}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}],'n':" + "1".repeat(1100) + "}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}],'n':" + "1".repeat(200) + "}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}],'n':" + "[".repeat(300) + "]".repeat(300) + "}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}],'n':" + "[".repeat(50) + "]".repeat(50) + "}",
            "{'model':'m','choices':[{'delta':{'content':'x'},'finish_reason':null}],'n':" + "{'a':".repeat(300) + "1" + "}".repeat(300) + "}",
            "",
            " ",
            "[DONE]",
            ": OPENROUTER PROCESSING",
            "[{'choices':[]}]",
            "'text'",
            "null");

    @Test
    void everyShapeAndOddityIsReadAsTheParserReadsItOrLeftToIt() {
        List<byte[]> texts = new ArrayList<>();
        SHAPES.forEach(s -> texts.add(utf8(json(s))));
        ODDITIES.forEach(s -> texts.add(utf8(json(s))));
        assertAgrees(texts, 15);
    }

    @Test
    void everyTruncationIsReadAsTheParserReadsItOrLeftToIt() {
        List<String> samples = List.of(OPENROUTER_CONTENT, UNICODE_ESCAPES, RAW_UTF8, NESTED_SKIPPED);
        List<byte[]> texts = new ArrayList<>();
        for (String shape : samples) {
            byte[] bytes = utf8(json(shape));
            for (int len = 0; len <= bytes.length; len++) {
                texts.add(Arrays.copyOf(bytes, len));
            }
        }
        // Only the whole texts are complete objects.
        assertAgrees(texts, samples.size());
    }

    @Test
    void deletingOrDuplicatingAnyByteIsReadAsTheParserReadsItOrLeftToIt() {
        List<byte[]> texts = new ArrayList<>();
        for (String shape : List.of(OPENROUTER_CONTENT, UNICODE_ESCAPES, RAW_UTF8, NESTED_SKIPPED)) {
            byte[] bytes = utf8(json(shape));
            for (int i = 0; i < bytes.length; i++) {
                texts.add(splice(bytes, i, 1, new byte[0]));
                texts.add(splice(bytes, i, 0, new byte[] {bytes[i]}));
            }
        }
        // Deleting or doubling a byte inside a skipped value or the content often leaves a valid chunk.
        assertAgrees(texts, 100);
    }

    @Test
    void replacingAnyByteIsReadAsTheParserReadsItOrLeftToIt() {
        // Structure, escapes, whitespace, control bytes and every kind of bad UTF-8: a stray
        // continuation byte, leads of 2, 3 and 4 byte sequences, an overlong lead, a never-valid byte.
        byte[] replacements = {'"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\t', 0x01, 'n', 'u', '0', '-', 'e',
            (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3, (byte) 0xE0, (byte) 0xE2, (byte) 0xED, (byte) 0xF0, (byte) 0xF4,
            (byte) 0xFF};
        List<byte[]> texts = new ArrayList<>();
        for (String shape : List.of(UNICODE_ESCAPES, RAW_UTF8)) {
            byte[] bytes = utf8(json(shape));
            for (int i = 0; i < bytes.length; i++) {
                for (byte b : replacements) {
                    texts.add(splice(bytes, i, 1, new byte[] {b}));
                    texts.add(splice(bytes, i, 0, new byte[] {b}));
                }
            }
        }
        assertAgrees(texts, 1000);
    }

    /**
     * Checks every text, collecting all disagreements before failing so that one run shows them
     * all; and checks that at least {@code minFast} took the fast path, or the test proves little.
     */
    private void assertAgrees(List<byte[]> texts, int minFast) {
        List<String> disagreements = new ArrayList<>();
        int fastCount = 0;
        for (byte[] bytes : texts) {
            Chunk fast = FastChunkTest.fast(bytes);
            if (fast == null) {
                continue;
            }
            fastCount++;
            Chunk full = decoder.parse(new String(bytes, StandardCharsets.UTF_8));
            if (!fast.equals(full)) {
                disagreements.add(new String(bytes, StandardCharsets.UTF_8) + "\n  fast: " + fast + "\n  full: " + full);
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(fastCount >= minFast, "only " + fastCount + " of " + texts.size() + " texts took the fast path");
    }

    /** The JSON of a text written with ' for "; one that has a " already is JSON as it stands. */
    private static String json(String quoted) {
        return quoted.indexOf('"') >= 0 ? quoted : quoted.replace('\'', '"');
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code bytes} with {@code removed} bytes at {@code at} replaced by {@code inserted}. */
    private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at + removed, bytes.length - at - removed);
        return out.toByteArray();
    }
}
