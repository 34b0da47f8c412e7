package dev.arena.openrouter;

/**
 * Server text as the debug log shows it: a stream sends hundreds of events and one may carry a
 * whole answer, so each is cut to {@value #MAX_CHARS} characters, saying how much was left out.
 * Callers redact first: a cut through the key would leave a piece no redactor recognises.
 */
public final class DebugText {

    public static final int MAX_CHARS = 500;

    private DebugText() {
    }

    public static String shortened(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end) + "… (" + (text.length() - end) + " more characters)";
    }
}
