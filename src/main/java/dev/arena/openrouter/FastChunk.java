package dev.arena.openrouter;

/**
 * The fast path for the chunk that makes up almost all of a stream: one choice whose delta
 * carries only a piece of content, and no finish reason, usage, reasoning or error. Such a
 * chunk is read with a few {@code indexOf} scans instead of a JSON parser; anything else,
 * or anything unexpected in it, returns null and goes to {@link ChunkDecoder}'s full parse.
 *
 * <p>The scans can trust quoted keys: inside a JSON string every quote is escaped, so a
 * text such as {@code "content":} can only be structure, never part of a value.
 */
final class FastChunk {

    private static final String CONTENT = "\"content\":";
    private static final String DELTA = "\"delta\":{";
    private static final String DELTA_WITH_ROLE = "\"delta\":{\"role\":\"assistant\",";
    private static final String MODEL = "\"model\":\"";

    private FastChunk() {
    }

    /** The chunk, or null when this is not the common shape and the full parser must read it. */
    static Chunk tryDecode(String data) {
        if (data.isEmpty() || data.charAt(0) != '{' || data.charAt(data.length() - 1) != '}'
                || data.contains("\"error\"") || data.contains("\"usage\"") || hasReasoning(data)
                || data.contains("\"message\"") || !data.contains("\"finish_reason\":null")) {
            return null;
        }
        int choices = data.indexOf("\"choices\":[{");
        int content = data.indexOf(CONTENT);
        if (choices < 0 || content < 0 || data.indexOf("\"choices\"", choices + 1) >= 0
                || data.indexOf(CONTENT, content + 1) >= 0 || !directlyInDelta(data, content)) {
            return null;
        }
        int valueStart = content + CONTENT.length();
        String text;
        int valueEnd;
        if (data.startsWith("null", valueStart)) {
            text = null;
            valueEnd = valueStart + 4;
        } else if (valueStart < data.length() && data.charAt(valueStart) == '"') {
            valueEnd = closingQuote(data, valueStart + 1);
            if (valueEnd < 0) {
                return null;
            }
            text = unescape(data, valueStart + 1, valueEnd);
            if (text == null) {
                return null;
            }
            valueEnd++;
        } else {
            return null;
        }
        if (valueEnd >= data.length() || (data.charAt(valueEnd) != '}' && data.charAt(valueEnd) != ',')) {
            return null;
        }
        String model = null;
        int modelKey = data.indexOf(MODEL);
        if (modelKey >= 0) {
            int start = modelKey + MODEL.length();
            int end = closingQuote(data, start);
            int escape = data.indexOf('\\', start);
            // Only a plain model id: escapes or a second "model" key go to the full parser.
            if (end < 0 || escape >= 0 && escape < end || data.indexOf("\"model\":", modelKey + 1) >= 0) {
                return null;
            }
            model = data.substring(start, end);
        } else if (data.contains("\"model\":")) {
            return null;
        }
        return new Chunk(text, null, model, null, null, null);
    }

    /**
     * True when the chunk carries reasoning. OpenRouter sends {@code "reasoning":null,
     * "reasoning_details":[]} with plain content too; only other values need the parser.
     */
    private static boolean hasReasoning(String data) {
        return count(data, "\"reasoning") != count(data, "\"reasoning\":null") + count(data, "\"reasoning_details\":[]");
    }

    private static int count(String data, String text) {
        int n = 0;
        for (int i = data.indexOf(text); i >= 0; i = data.indexOf(text, i + text.length())) {
            n++;
        }
        return n;
    }

    /** True when the content key opens the delta object, optionally after the assistant role. */
    private static boolean directlyInDelta(String data, int content) {
        return data.startsWith(DELTA, content - DELTA.length())
                || data.startsWith(DELTA_WITH_ROLE, content - DELTA_WITH_ROLE.length());
    }

    /** The index of the quote that ends the string starting at {@code from}, or -1. */
    private static int closingQuote(String data, int from) {
        for (int i = from; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** The JSON string between {@code start} and {@code end}, unescaped; null if an escape is malformed. */
    private static String unescape(String data, int start, int end) {
        int backslash = data.indexOf('\\', start);
        if (backslash < 0 || backslash >= end) {
            return data.substring(start, end);
        }
        StringBuilder out = new StringBuilder(end - start);
        out.append(data, start, backslash);
        for (int i = backslash; i < end; i++) {
            char c = data.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= end) {
                return null;
            }
            switch (data.charAt(i)) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 >= end) {
                        return null;
                    }
                    int code = 0;
                    for (int k = 1; k <= 4; k++) {
                        int digit = Character.digit(data.charAt(i + k), 16);
                        if (digit < 0) {
                            return null;
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return out.toString();
    }
}
