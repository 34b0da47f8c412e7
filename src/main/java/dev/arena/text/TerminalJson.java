package dev.arena.text;

/**
 * JSON text made safe to print on a terminal and still the same JSON. Gson already writes
 * every C0 control (ESC among them) as a {@code \u005CuXXXX} escape, but not C1 controls
 * (U+0080–U+009F, which some terminals act on as CSI, OSC and the like) nor the bidi
 * controls that make a line read differently from what it holds. Those can only be inside
 * string literals of the JSON, so writing them as escapes changes nothing a parser reads.
 */
public final class TerminalJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TerminalJson() {
    }

    /** {@code json} with every C1 and bidi control escaped; the same instance when there is none. */
    public static String escape(String json) {
        int first = firstToEscape(json);
        if (first < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 16);
        out.append(json, 0, first);
        for (int i = first; i < json.length(); i++) {
            char c = json.charAt(i);
            if (needsEscape(c)) {
                out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                        .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstToEscape(String json) {
        for (int i = 0; i < json.length(); i++) {
            if (needsEscape(json.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** C1 controls and the bidi controls ({@link TerminalSanitizer#isBidiControl}). */
    static boolean needsEscape(char c) {
        return c >= '\u0080' && c <= '\u009F' || TerminalSanitizer.isBidiControl(c);
    }
}
