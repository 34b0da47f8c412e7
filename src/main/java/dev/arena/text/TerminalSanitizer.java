package dev.arena.text;

/**
 * Removes everything from model output that a terminal would interpret rather than print.
 *
 * <p>The model's answer is untrusted text, but a terminal treats some of it as commands: escape
 * sequences can recolour or clear the screen, move the cursor over earlier output, set the window
 * title, write the clipboard (OSC 52), plant hyperlinks whose target differs from their text
 * (OSC 8), and more. Backspace and carriage return can overwrite text already shown, and bidi
 * overrides can make text read differently from what it is. This class lets through only text
 * that is printed as-is, plus {@code \n} and {@code \t}.
 *
 * <p>Output is streamed token by token and an escape sequence can be split anywhere between
 * tokens, so the sanitizer is a state machine whose state survives between {@link #sanitize}
 * calls. Feeding a text in one piece or in any number of pieces gives the same concatenated
 * result. Nothing printable is ever held back: only bytes of a sequence still in progress are
 * pending, and those are dropped whatever follows. Instances are not thread-safe; use one per
 * stream.
 */
public final class TerminalSanitizer {

    /**
     * Most characters an OSC/DCS/SOS/PM/APC string may swallow before it is abandoned. Such a
     * string only ends at its terminator, so a single stray {@code ESC ]} would otherwise hide the
     * whole rest of the answer. Real payloads that matter here are short (titles, URLs); a long
     * one is cut off and whatever follows the cap is printed as ordinary text, so the user may see
     * the tail of a long payload but never loses the answer behind it.
     */
    static final int MAX_STRING_LENGTH = 4096;

    private static final char ESC = 0x1B;
    private static final char BEL = 0x07;
    private static final char CAN = 0x18;
    private static final char SUB = 0x1A;
    private static final char DEL = 0x7F;
    private static final char C1_DCS = 0x90;
    private static final char C1_SOS = 0x98;
    private static final char C1_CSI = 0x9B;
    private static final char C1_ST = 0x9C;
    private static final char C1_OSC = 0x9D;
    private static final char C1_PM = 0x9E;
    private static final char C1_APC = 0x9F;

    private enum State {
        /** Ordinary text. */
        GROUND,
        /** After ESC, waiting for the character that says which kind of sequence this is. */
        ESCAPE,
        /** After ESC and one or more intermediates (0x20–0x2F), e.g. {@code ESC (}. */
        ESCAPE_INTERMEDIATE,
        /** Inside a control sequence, waiting for its final byte (0x40–0x7E). */
        CSI,
        /** Inside an OSC/DCS/SOS/PM/APC string, waiting for BEL or ST. */
        STRING,
        /** Inside a string, just after ESC: {@code \} completes ST, anything else starts anew. */
        STRING_ESCAPE
    }

    private State state = State.GROUND;
    /** Characters swallowed so far by the current string, for {@link #MAX_STRING_LENGTH}. */
    private int stringLength;
    /**
     * A {@code \r} was just turned into {@code \n}; a {@code \n} right after it (possibly in the
     * next token, possibly after dropped characters) belongs to the same line break.
     */
    private boolean afterCarriageReturn;

    public TerminalSanitizer() {
    }

    /**
     * Sanitizes a whole text at once, e.g. an answer that was not streamed.
     */
    public static String strip(String wholeText) {
        return new TerminalSanitizer().sanitize(wholeText);
    }

    /**
     * Returns the printable part of {@code token}, continuing any escape sequence left
     * unfinished by the previous token. A token that needs no change is returned as the same
     * instance, so the common case costs one scan and no copy.
     */
    public String sanitize(String token) {
        if (isPassThrough(token)) {
            if (!token.isEmpty()) {
                afterCarriageReturn = false;
            }
            return token;
        }
        StringBuilder out = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            accept(token.charAt(i), out);
        }
        return out.toString();
    }

    private boolean isPassThrough(String token) {
        if (state != State.GROUND) {
            return false;
        }
        if (afterCarriageReturn && !token.isEmpty() && token.charAt(0) == '\n') {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != '\n' && c != '\t' && !isPrintable(c)) {
                return false;
            }
        }
        return true;
    }

    private void accept(char c, StringBuilder out) {
        switch (state) {
            case GROUND -> ground(c, out);
            case ESCAPE -> escape(c, out);
            case ESCAPE_INTERMEDIATE -> escapeIntermediate(c, out);
            case CSI -> csi(c, out);
            case STRING -> string(c, out);
            case STRING_ESCAPE -> stringEscape(c, out);
        }
    }

    private void ground(char c, StringBuilder out) {
        if (c == '\n') {
            if (!afterCarriageReturn) {
                out.append('\n');
            }
            afterCarriageReturn = false;
        } else if (c == '\r') {
            // A bare CR returns to the start of the line, letting later text overwrite what the
            // user already read; it becomes a line break instead. CRLF stays one line break.
            out.append('\n');
            afterCarriageReturn = true;
        } else if (c == ESC) {
            state = State.ESCAPE;
        } else if (c == C1_CSI) {
            state = State.CSI;
        } else if (c == C1_OSC || c == C1_DCS || c == C1_SOS || c == C1_PM || c == C1_APC) {
            startString();
        } else if (c == '\t' || isPrintable(c)) {
            out.append(c);
            afterCarriageReturn = false;
        }
        // Everything else (other C0 and C1 controls, DEL, bidi controls) is dropped. Dropping
        // does not clear afterCarriageReturn, so "\r\u001b[K\n" is still a single line break.
    }

    private void escape(char c, StringBuilder out) {
        if (c == '[') {
            state = State.CSI;
        } else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
            startString();
        } else if (c >= 0x20 && c <= 0x2F) {
            state = State.ESCAPE_INTERMEDIATE;
        } else if (c >= 0x30 && c <= 0x7E) {
            state = State.GROUND; // two-character escape such as ESC c or ESC 7
        } else {
            abandon(c, out);
        }
    }

    private void escapeIntermediate(char c, StringBuilder out) {
        if (c >= 0x30 && c <= 0x7E) {
            state = State.GROUND;
        } else if (c < 0x20 || c > 0x2F) {
            abandon(c, out);
        }
    }

    private void csi(char c, StringBuilder out) {
        // No length cap is needed here: parameters and intermediates are only 0x20–0x3F, so
        // the first letter ends the sequence and a stray CSI cannot hide more than one word.
        if (c >= 0x40 && c <= 0x7E) {
            state = State.GROUND;
        } else if (c < 0x20 || c > 0x3F) {
            abandon(c, out);
        }
    }

    /**
     * Ends a malformed ESC or CSI sequence at a character that cannot belong to it and handles
     * that character as ordinary input. Terminals differ on such input; this choice never lets
     * the sequence swallow text, and a CAN, SUB or new ESC does what it would do anyway.
     * DEL is the exception: terminals ignore it inside sequences, so it neither ends one nor
     * is printed.
     */
    private void abandon(char c, StringBuilder out) {
        if (c == DEL) {
            return;
        }
        state = State.GROUND;
        ground(c, out);
    }

    private void startString() {
        state = State.STRING;
        stringLength = 0;
    }

    private void string(char c, StringBuilder out) {
        if (c == BEL || c == C1_ST || c == CAN || c == SUB) {
            // BEL ends OSC in xterm; accepting it for every string kind is harmless and keeps
            // a sloppy DCS from eating the answer. CAN and SUB abort, as in real terminals.
            state = State.GROUND;
        } else if (c == ESC) {
            state = State.STRING_ESCAPE;
        } else if (stringLength == MAX_STRING_LENGTH) {
            state = State.GROUND;
            ground(c, out);
        } else {
            stringLength++;
        }
    }

    private void stringEscape(char c, StringBuilder out) {
        if (c == '\\') {
            state = State.GROUND; // ST
        } else {
            // An ESC that is not part of ST cancels the string and starts a new sequence.
            state = State.ESCAPE;
            escape(c, out);
        }
    }

    /**
     * Everything but C0 controls, DEL, C1 controls and bidi controls. Other format characters
     * (ZWJ, variation selectors) stay: emoji sequences need them and they cannot move the cursor.
     */
    private static boolean isPrintable(char c) {
        return c >= 0x20 && !(c >= DEL && c <= C1_APC) && !isBidiControl(c);
    }

    /**
     * The bidi controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069),
     * and the marks (LRM U+200E, RLM U+200F, ALM U+061C), invisible characters that still
     * reorder the text around them. One definition for the sanitiser and {@link TerminalJson}.
     */
    static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }
}
