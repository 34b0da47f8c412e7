package dev.arena.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the sanitiser promises for any text, not only the examples of {@link TerminalSanitizerTest}:
 * nothing a terminal acts on comes out, printable text comes out as it went in, and how the
 * text was split into tokens makes no difference.
 */
class TerminalSanitizerPropertiesTest {

    /**
     * The characters escape sequences are made of, weighted so that generated text is full of
     * real and broken sequences (CSI, OSC, DCS, C1 forms, their terminators and aborts), mixed
     * with any other text.
     */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> sequences = Arbitraries.strings()
                .withChars("\u001b\u001b\u001b[[]]();0123456789mJHPX^_\\\u0007\u0018\u001a\u009b\u009c\u009d\u0090\u0098"
                        + "\r\n\t\bab \u202a\u202e\u2066\u2069\u200e\u200f\u061c\u0085\u007f\u0000")
                .ofMaxLength(80);
        return Arbitraries.oneOf(sequences, Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().all().ofMaxLength(40));
    }

    /** Text without any control: what a model usually sends, in any script, emoji included. */
    @Provide
    Arbitrary<String> printable() {
        return Arbitraries.strings().all().ofMaxLength(80)
                .map(s -> s.chars().filter(c -> c == '\n' || c == '\t' || !isControl((char) c))
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    @Property
    void nothingATerminalActsOnComesOut(@ForAll("hostile") String text,
                                        @ForAll @Size(max = 8) List<@IntRange(max = 200) Integer> cuts) {
        String out = feed(new TerminalSanitizer(), pieces(text, cuts));
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            assertTrue(c == '\n' || c == '\t' || !isControl(c),
                    "U+" + Integer.toHexString(c) + " at " + i + " of " + escaped(out) + " from " + escaped(text));
        }
    }

    @Property
    void printableTextPassesUntouched(@ForAll("printable") String text,
                                      @ForAll @Size(max = 8) List<@IntRange(max = 200) Integer> cuts) {
        assertEquals(text, feed(new TerminalSanitizer(), pieces(text, cuts)));
    }

    @Property
    void piecesGiveWhatTheWholeGives(@ForAll("hostile") String text,
                                     @ForAll @Size(max = 8) List<@IntRange(max = 200) Integer> cuts) {
        assertEquals(TerminalSanitizer.strip(text), feed(new TerminalSanitizer(), pieces(text, cuts)));
    }

    /** ESC and the other C0 controls, DEL, C1 controls, bidi embeddings, overrides, isolates and marks. */
    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    /** {@code text} cut at the given offsets (taken modulo its length, in order), empty pieces included. */
    static List<String> pieces(String text, List<Integer> cuts) {
        List<Integer> at = new ArrayList<>();
        cuts.forEach(c -> at.add(c % (text.length() + 1)));
        at.sort(null);
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int cut : at) {
            pieces.add(text.substring(from, cut));
            from = cut;
        }
        pieces.add(text.substring(from));
        return pieces;
    }

    private static String feed(TerminalSanitizer sanitizer, List<String> pieces) {
        StringBuilder out = new StringBuilder();
        pieces.forEach(p -> out.append(sanitizer.sanitize(p)));
        return out.toString();
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.chars().forEach(c -> b.append(c < 0x20 || c >= 0x7F ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.append('"').toString();
    }
}
