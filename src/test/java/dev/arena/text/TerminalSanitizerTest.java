package dev.arena.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalSanitizerTest {

    private static final String CAP_FILLER = "x".repeat(TerminalSanitizer.MAX_STRING_LENGTH);

    enum Case {
        PLAIN("The answer is 42.\n\tIndented line.", "The answer is 42.\n\tIndented line."),
        UNICODE("Café naïve — 日本語 e\u0301 👍🏽 👩\u200D👩\u200D👧 ❤\uFE0F",
                "Café naïve — 日本語 e\u0301 👍🏽 👩\u200D👩\u200D👧 ❤\uFE0F"),
        EMPTY("", ""),
        COLOUR("\u001b[31mred\u001b[0m", "red"),
        COLOUR_256_AND_RGB("\u001b[38;5;196mA\u001b[48;2;1;2;3mB\u001b[m", "AB"),
        CURSOR_MOVES("up\u001b[2Adown\u001b[10;20Hhome\u001b[?25l", "updownhome"),
        CLEAR_SCREEN("before\u001b[2J\u001b[Hafter\u001b[K", "beforeafter"),
        CSI_WITH_INTERMEDIATE("a\u001b[2 qb", "ab"),
        OSC52_CLIPBOARD_BEL("x\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007y", "xy"),
        OSC52_CLIPBOARD_ST("x\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u001b\\y", "xy"),
        OSC8_HYPERLINK("see \u001b]8;;https://evil.example/\u001b\\the docs\u001b]8;;\u001b\\ now",
                "see the docs now"),
        WINDOW_TITLE("\u001b]0;pwned\u0007\u001b]2;also pwned\u001b\\text", "text"),
        DCS("a\u001bP1$qm\u001b\\b", "ab"),
        SOS_PM_APC("a\u001bXsos\u001b\\b\u001b^pm\u001b\\c\u001b_apc\u001b\\d", "abcd"),
        FULL_RESET("a\u001bcb", "ab"),
        SAVE_RESTORE_CURSOR("a\u001b7b\u001b8c", "abc"),
        CHARSET_DESIGNATION("a\u001b(Bb\u001b)0c", "abc"),
        C1_CSI("a\u009B31mb", "ab"),
        C1_OSC_WITH_C1_ST("a\u009D0;title\u009Cb", "ab"),
        C1_DCS("a\u0090q#0;2;0;0;0\u009Cb", "ab"),
        OTHER_C1_CONTROLS("a\u0085b\u0084c\u009Cd", "abcd"),
        BACKSPACE("safe\b\b\b\bevil", "safeevil"),
        BEL("ding\u0007dong", "dingdong"),
        OTHER_C0_AND_DEL("a\u0000b\u000Bc\u000Cd\u007Fe", "abcde"),
        LONE_CR("progress 10%\rprogress 99%", "progress 10%\nprogress 99%"),
        CRLF("one\r\ntwo\r\n", "one\ntwo\n"),
        CR_ESCAPE_LF("one\r\u001b[K\ntwo", "one\ntwo"),
        CR_CR_LF("a\r\r\nb", "a\n\nb"),
        BIDI_OVERRIDES("a\u202Eevil\u202Cb\u2066c\u2069\u202Ad\u202B", "aevilbcd"),
        BIDI_MARKS("a\u200Fb\u200Ec\u061Cd", "abcd"),
        UNTERMINATED_OSC_AT_END("visible\u001b]0;never finished", "visible"),
        UNTERMINATED_CSI_AT_END("visible\u001b[12;", "visible"),
        LONE_ESC_AT_END("visible\u001b", "visible"),
        CAN_ABORTS_CSI("a\u001b[31\u0018mb", "amb"),
        SUB_ABORTS_OSC("a\u001b]0;title\u001Ab", "ab"),
        ESC_INSIDE_OSC_STARTS_NEW_SEQUENCE("a\u001b]0;t\u001b[31mb", "ab"),
        NEWLINE_ENDS_MALFORMED_CSI("a\u001b[1\nb", "a\nb"),
        UNICODE_ENDS_MALFORMED_ESCAPE("a\u001bé", "aé"),
        STRING_WITHIN_CAP("\u001b]0;" + "x".repeat(TerminalSanitizer.MAX_STRING_LENGTH - 3) + "\u0007after",
                "after"),
        STRING_PAST_CAP("a\u001b]" + CAP_FILLER + "visible", "avisible"),
        STRING_PAST_CAP_LATE_TERMINATOR("a\u001b]" + CAP_FILLER + "vis\u0007ible\u001b\\!", "avisible!");

        final String input;
        final String expected;

        Case(String input, String expected) {
            this.input = input;
            this.expected = expected;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void wholeText(Case c) {
        assertEquals(c.expected, TerminalSanitizer.strip(c.input));
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void oneCharacterPerToken(Case c) {
        TerminalSanitizer sanitizer = new TerminalSanitizer();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < c.input.length(); i++) {
            out.append(sanitizer.sanitize(c.input.substring(i, i + 1)));
        }
        assertEquals(c.expected, out.toString());
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void splitIntoTwoTokensAtEveryIndex(Case c) {
        for (int split = 0; split <= c.input.length(); split++) {
            TerminalSanitizer sanitizer = new TerminalSanitizer();
            String out = sanitizer.sanitize(c.input.substring(0, split))
                    + sanitizer.sanitize(c.input.substring(split));
            assertEquals(c.expected, out, "split at " + split);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain words", "日本語 👩\u200D👩\u200D👧", "line\n\tnext", ""})
    void cleanTokenIsReturnedAsSameInstance(String token) {
        assertSame(token, new TerminalSanitizer().sanitize(token));
    }

    @Test
    void cleanTokenAfterFinishedSequenceIsReturnedAsSameInstance() {
        TerminalSanitizer sanitizer = new TerminalSanitizer();
        assertEquals("", sanitizer.sanitize("\u001b[3"));
        assertEquals("", sanitizer.sanitize("1m"));
        String token = "red text";
        assertSame(token, sanitizer.sanitize(token));
    }

    @Test
    void escapeSplitAcrossTokensIsRemoved() {
        TerminalSanitizer sanitizer = new TerminalSanitizer();
        assertEquals("before", sanitizer.sanitize("before\u001b"));
        assertEquals("after", sanitizer.sanitize("[2Jafter"));
    }

    @Test
    void crAtEndOfTokenAndLfAtStartOfNextGiveOneNewline() {
        TerminalSanitizer sanitizer = new TerminalSanitizer();
        String out = sanitizer.sanitize("one\r") + sanitizer.sanitize("\ntwo");
        assertEquals("one\ntwo", out);
    }

    @Test
    void lfAfterCrInEarlierTokenIsDroppedEvenFromOtherwiseCleanToken() {
        TerminalSanitizer sanitizer = new TerminalSanitizer();
        assertEquals("\n", sanitizer.sanitize("\r"));
        assertEquals("", sanitizer.sanitize("\n"));
        assertEquals("\n", sanitizer.sanitize("\n"));
    }

    @Test
    void sanitizerIsReusableAcrossManyStreamedTokens() {
        TerminalSanitizer sanitizer = new TerminalSanitizer();
        StringBuilder out = new StringBuilder();
        for (String token : new String[] {"Hel", "lo \u001b]8;;http", "s://x/\u0007li", "nk\u001b]8;;\u0007", " \u001b[1", "mbold\u001b[0m!"}) {
            out.append(sanitizer.sanitize(token));
        }
        assertEquals("Hello link bold!", out.toString());
    }
}
