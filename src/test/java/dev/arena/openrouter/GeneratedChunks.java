package dev.arena.openrouter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated chunk texts for the fast path's property: the shapes OpenRouter, OpenAI, Ollama,
 * vLLM and llama.cpp send (content, reasoning, tool calls, finish, usage-only with
 * {@code "choices":[]}, errors), every field optional or null or of another type, unknown
 * fields, repeated keys, keys spelled with escapes, members in other orders, whitespace,
 * strings with every JSON escape ({@code \}{@code uXXXX} surrogate pairs, lone surrogates,
 * NUL) and raw multi-byte UTF-8, numbers in every JSON form and a few that are not JSON.
 *
 * <p>Texts are built as JSON source from jqwik combinators only (no Random), so a failing
 * chunk shrinks: members drop out, values become their simplest form, strings get shorter.
 * Most texts are the common content chunk with small variations, since that is where the fast
 * path has to be right; the rest is wilder, since that is where it must step aside.
 *
 * <p>Rare variations (whitespace, a key spelled with an escape) have no edge cases: jqwik
 * would otherwise inject them into a large share of the texts, and few would be common chunks.
 *
 * <p>Malformed UTF-8 cannot be held in a Java String, so four private-use characters stand for
 * bad byte sequences and {@link #bytes} puts the bytes in.
 */
final class GeneratedChunks {

    private static final char BAD_FF = '\uE000';
    private static final char BAD_LEAD = '\uE001';
    private static final char BAD_SURROGATE = '\uE002';
    private static final char BAD_CONTINUATION = '\uE003';

    private GeneratedChunks() {
    }

    /** The UTF-8 bytes of a generated text, with the stand-ins replaced by the malformed bytes they mean. */
    static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            switch (cp) {
                case BAD_FF -> out.write(0xFF);
                case BAD_LEAD -> out.write(0xC3);
                case BAD_SURROGATE -> out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD});
                case BAD_CONTINUATION -> out.write(0x80);
                default -> out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            }
            i += Character.charCount(cp);
        }
        return out.toByteArray();
    }

    /** A whole chunk: the object, rarely with whitespace around it. */
    static Arbitrary<String> chunks() {
        Arbitrary<String> around = Arbitraries.frequency(Tuple.of(30, ""), Tuple.of(1, " "), Tuple.of(1, "\n"))
                .withoutEdgeCases();
        return Combinators.combine(around, root(), around).as((a, r, b) -> a + r + b);
    }

    private static Arbitrary<String> root() {
        List<Arbitrary<Optional<String>>> members = List.of(
                member("id", Arbitraries.oneOf(quoted("gen-1739458867-kUKFjpDGCEBBvK6V46PX", "chatcmpl-519"), string()), 0.7),
                member("provider", Arbitraries.oneOf(quoted("OpenAI", "Google"), string()), 0.4),
                member("model", model(), 0.9),
                member("object", quoted("chat.completion.chunk"), 0.6),
                member("created", number(), 0.6),
                member("choices", choices(), 0.93),
                member("usage", usage(), 0.4),
                member("error", error(), 0.05),
                member("system_fingerprint", Arbitraries.oneOf(quoted("fp_ollama", "b5917-12a81af4"), value()), 0.3),
                // llama.cpp's last chunk; a root "message" is not a choice's and is ignored.
                member("timings", Arbitraries.just("{\"prompt_n\":1,\"predicted_ms\":12.5}"), 0.05),
                member("message", object(), 0.02));
        return object(members, 0.15);
    }

    private static Arbitrary<String> choices() {
        return Arbitraries.frequencyOf(
                Tuple.of(85, choice().map(c -> "[" + c + "]")),
                Tuple.of(5, Arbitraries.just("[]")),
                Tuple.of(3, Combinators.combine(choice(), choice()).as((a, b) -> "[" + a + "," + b + "]")),
                Tuple.of(3, Arbitraries.of("null", "[null]", "{}", "[[]]")),
                Tuple.of(2, value()));
    }

    private static Arbitrary<String> choice() {
        List<Arbitrary<Optional<String>>> members = List.of(
                member("index", Arbitraries.oneOf(Arbitraries.just("0"), number()), 0.8),
                member("delta", Arbitraries.frequencyOf(Tuple.of(30, delta()), Tuple.of(1, value())), 0.95),
                // A server that ignored stream=true sends a whole message.
                member("message", delta(), 0.03),
                member("finish_reason", Arbitraries.frequencyOf(
                        Tuple.of(10, Arbitraries.just("null")), Tuple.of(2, quoted("stop", "length", "error")),
                        Tuple.of(1, value())), 0.8),
                member("native_finish_reason", Arbitraries.oneOf(Arbitraries.just("null"), quoted("stop")), 0.4),
                member("logprobs", Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("null")), Tuple.of(1, value())), 0.3),
                member("stop_reason", Arbitraries.just("null"), 0.1),
                member("error", error(), 0.03));
        return object(members, 0.1);
    }

    private static Arbitrary<String> delta() {
        List<Arbitrary<Optional<String>>> members = List.of(
                member("role", Arbitraries.frequencyOf(
                        Tuple.of(10, quoted("assistant")), Tuple.of(1, string()), Tuple.of(1, value())), 0.5),
                member("content", Arbitraries.frequencyOf(
                        Tuple.of(20, string()), Tuple.of(3, Arbitraries.just("null")), Tuple.of(1, value())), 0.9),
                member("reasoning", Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.just("null")), Tuple.of(2, string())), 0.3),
                member("reasoning_details", Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.just("[]")),
                        Tuple.of(1, string().map(t -> "[{\"type\":\"reasoning.text\",\"text\":" + t + "}]"))), 0.25),
                member("reasoning_content", string(), 0.04),
                member("refusal", Arbitraries.just("null"), 0.04),
                member("tool_calls", Arbitraries.just(
                        "[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]"), 0.03));
        return object(members, 0.05);
    }

    private static Arbitrary<String> usage() {
        List<Arbitrary<Optional<String>>> members = List.of(
                member("prompt_tokens", number(), 0.9),
                member("completion_tokens", number(), 0.9),
                member("total_tokens", number(), 0.7),
                member("cost", Arbitraries.oneOf(number(), Arbitraries.just("null"), string()), 0.5),
                member("prompt_tokens_details", Arbitraries.just("{\"cached_tokens\":0}"), 0.3));
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("null")),
                Tuple.of(3, object(members, 0.1)),
                Tuple.of(1, value()));
    }

    private static Arbitrary<String> error() {
        List<Arbitrary<Optional<String>>> members = List.of(
                member("code", Arbitraries.oneOf(number(), quoted("server_error", "rate_limited"), value()), 0.8),
                member("message", string(), 0.8),
                member("metadata", object(), 0.2));
        return Arbitraries.frequencyOf(Tuple.of(8, object(members, 0.1)), Tuple.of(1, value()));
    }

    private static Arbitrary<String> model() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, quoted("openai/gpt-4o-mini", "llama3.2", "Qwen/Qwen3-8B", "gpt-3.5-turbo")),
                Tuple.of(2, string()),
                Tuple.of(1, value()));
    }

    /**
     * An object of the known members that are present, in their usual order or rotated, maybe
     * with an unknown member or a repeated one. Rotation and repetition are numbers that shrink
     * to "none", so a shrunk chunk is in the order servers use.
     */
    private static Arbitrary<String> object(List<Arbitrary<Optional<String>>> known, double unknownShare) {
        Arbitrary<List<String>> present = Combinators.combine(known).as(list -> {
            List<String> out = new ArrayList<>();
            list.forEach(m -> m.ifPresent(out::add));
            return out;
        });
        Arbitrary<List<String>> unknown = unknownMember().list().ofMaxSize(2).optional(unknownShare)
                .map(o -> o.orElse(List.of()));
        Arbitrary<Integer> rotation = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(0, 12)));
        Arbitrary<Integer> repeated = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.just(-1)), Tuple.of(1, Arbitraries.integers().between(0, 12)));
        return Combinators.combine(present, unknown, rotation, repeated, ws(), ws()).as((p, u, rot, rep, a, b) -> {
            List<String> all = new ArrayList<>(p);
            all.addAll(u);
            if (!all.isEmpty()) {
                Collections.rotate(all, rot % all.size());
                if (rep >= 0) {
                    all.add(all.get(rep % all.size()));
                }
            }
            return "{" + a + String.join(",", all) + b + "}";
        });
    }

    /** Any JSON object, for values nobody reads. */
    private static Arbitrary<String> object() {
        return unknownMember().list().ofMaxSize(3).map(ms -> "{" + String.join(",", ms) + "}");
    }

    private static Arbitrary<String> unknownMember() {
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of("x", "native_finish_reason", "obfuscation", "mödel", "cöntent", "", "delta", "choices"),
                string().map(s -> s.substring(1, s.length() - 1)));
        return Combinators.combine(key, value()).as((k, v) -> "\"" + k + "\":" + v);
    }

    /** {@code "name":value}, present with probability {@code presence}, the key sometimes spelled with an escape. */
    private static Arbitrary<Optional<String>> member(String name, Arbitrary<String> value, double presence) {
        Arbitrary<String> key = Arbitraries.frequency(
                Tuple.of(200, name),
                Tuple.of(1, String.format("\\u%04x", (int) name.charAt(0)) + name.substring(1)))
                .withoutEdgeCases();
        return Combinators.combine(ws(), key, ws(), ws(), value)
                .as((a, k, b, c, v) -> a + "\"" + k + "\"" + b + ":" + c + v)
                .optional(presence);
    }

    /** Any JSON value, nested a few levels, rarely something that is not JSON at all. */
    static Arbitrary<String> value() {
        return Arbitraries.lazyOf(
                GeneratedChunks::string,
                GeneratedChunks::string,
                GeneratedChunks::number,
                GeneratedChunks::number,
                () -> Arbitraries.of("true", "false", "null", "null", "nul", "TRUE", "'single'"),
                () -> value().list().ofMaxSize(3).map(vs -> "[" + String.join(",", vs) + "]"),
                GeneratedChunks::object);
    }

    /**
     * A number as JSON writes it ({@code -0}, {@code 12}, {@code 1.5}, {@code 2.5e-3},
     * {@code 1E+10}, {@code 1e400}), or as it must not ({@code 01}, {@code 1.}, {@code .5},
     * {@code +1}, {@code NaN}, {@code 0x1F}), or a run of digits past Gson's 1024-char buffer.
     */
    static Arbitrary<String> number() {
        Arbitrary<String> json = Combinators.combine(
                Arbitraries.of("", "", "-"),
                Arbitraries.oneOf(Arbitraries.of("0", "7", "10"), Arbitraries.longs().between(1, Long.MAX_VALUE).map(String::valueOf)),
                Arbitraries.of("", "", "", ".5", ".000123", ".0"),
                Arbitraries.of("", "", "", "", "e3", "E+10", "e-7", "E0", "e400", "e-400"))
                .as((sign, integer, fraction, exponent) -> sign + integer + fraction + exponent);
        return Arbitraries.frequencyOf(
                Tuple.of(40, json),
                Tuple.of(1, Arbitraries.of("01", "1.", ".5", "+1", "NaN", "-", "1e", "0x1F", "-0.0e-0")),
                Tuple.of(1, Arbitraries.integers().between(200, 1100).map("1"::repeat)));
    }

    /**
     * A JSON string, quotes included, made of pieces: plain and multi-byte text, every escape
     * (surrogate pairs in either case, lone surrogates, NUL, an escape sequence for the
     * terminal), and rarely what JSON forbids (a raw control, {@code \'}, {@code \x}, a short
     * {@code \}{@code u}) or malformed UTF-8.
     */
    static Arbitrary<String> string() {
        Arbitrary<String> plain = Arbitraries.of("a", "Hello", " world", " ", "x", "0", "{", "}", "[", "]", ",", ":",
                "é", "日本", "😀", "€", "Ａ", "\u2028", "\u0085", "\uFEFF");
        Arbitrary<String> escape = Arbitraries.of("\\n", "\\t", "\\r", "\\b", "\\f", "\\\"", "\\\\", "\\/",
                "\\u00e9", "\\u65E5", "\\uD83D\\uDE00", "\\ud83d\\ude00", "\\ud83d", "\\uDE00", "\\u0000", "\\u001b[31m",
                "\\u2028", "\\u0022", "\\u005C");
        Arbitrary<String> invalid = Arbitraries.of("\t", "\u0001", "\n", "\\'", "\\x", "\\u12", "\\u12g4", "\\",
                String.valueOf(BAD_FF), String.valueOf(BAD_LEAD), String.valueOf(BAD_SURROGATE),
                String.valueOf(BAD_CONTINUATION), "\\u00e9" + BAD_LEAD);
        Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(40, plain), Tuple.of(10, escape), Tuple.of(1, invalid));
        return piece.list().ofMaxSize(6).map(ps -> "\"" + String.join("", ps) + "\"");
    }

    private static Arbitrary<String> quoted(String... values) {
        return Arbitraries.of(values).map(v -> "\"" + v + "\"");
    }

    private static Arbitrary<String> ws() {
        return Arbitraries.frequency(Tuple.of(30, ""), Tuple.of(1, " "), Tuple.of(1, "\n  "), Tuple.of(1, "\t"),
                Tuple.of(1, "\r\n")).withoutEdgeCases();
    }
}
