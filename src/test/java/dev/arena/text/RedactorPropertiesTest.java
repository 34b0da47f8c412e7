package dev.arena.text;

import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;
import java.util.Locale;

import static dev.arena.text.TerminalSanitizerPropertiesTest.pieces;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key never survives redaction, however it is split across pieces, cased, or wrapped in
 * other text, quotes, newlines or JSON escaping; and text without the key is left as it is,
 * whole or in pieces. Whole and in pieces differ in one way only: a piece that ends within the
 * key's first two characters shows them before the rest is replaced (Redactor.LIVE_PREFIX).
 * "Survives" is checked on the output as it is and on the output JSON-decoded, both ignoring case.
 */
class RedactorPropertiesTest {

    /** Keys as ApiKeys accepts them: visible ASCII, here at least as long as redaction needs. */
    @Provide
    Arbitrary<String> keys() {
        Arbitrary<String> openRouterLike = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map(h -> "sk-or-v1-" + h);
        Arbitrary<String> anyVisible = Arbitraries.strings().withCharRange('!', '~').ofMinLength(Redactor.MIN_LENGTH).ofMaxLength(24);
        return Arbitraries.oneOf(openRouterLike, anyVisible);
    }

    /** Text around the key: quotes, backslashes, newlines, brackets, letters that start keys, anything. */
    @Provide
    Arbitrary<String> surroundings() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("\"'\\\n\r\t []{}:,sSkK-u0a").ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(12));
    }

    /** The key as a server might send it: each character in either case, literal or JSON-escaped. */
    @Provide
    Arbitrary<String> disguisedKeys() {
        return keys().flatMap(key -> Arbitraries.integers().between(0, 3).list().ofSize(key.length())
                .map(forms -> disguise(key, forms)).map(d -> key + "\u0000" + d));
    }

    @Property(tries = 500)
    void theKeyNeverSurvivesWholeOrInPieces(@ForAll("disguisedKeys") String keyAndDisguise,
                                            @ForAll("surroundings") String before, @ForAll("surroundings") String after,
                                            @ForAll @IntRange(min = 1, max = 3) int copies,
                                            @ForAll @Size(max = 10) List<@IntRange(max = 400) Integer> cuts) {
        String key = keyAndDisguise.substring(0, keyAndDisguise.indexOf('\u0000'));
        String disguised = keyAndDisguise.substring(key.length() + 1);
        String text = before + (disguised + after).repeat(copies);
        Redactor redactor = new Redactor(key);

        String whole = redactor.redact(text);
        assertNoKey(key, whole);
        String streamed = stream(redactor, pieces(text, cuts));
        assertNoKey(key, streamed);
        assertTrue(sameButForShownStarts(whole, streamed, redactor.marker()),
                () -> "in pieces: " + streamed + "\nwhole:     " + whole);
    }

    @Property(tries = 300)
    void theKeyDoesNotSurviveJsonEncoding(@ForAll("keys") String key, @ForAll("surroundings") String before,
                                          @ForAll("surroundings") String after,
                                          @ForAll @Size(max = 10) List<@IntRange(max = 400) Integer> cuts) {
        // Redacted as it arrives, then written as JSON (as --json and transcripts do): Gson escapes
        // some characters of a key (=, <, >, &, '), which must not bring it back in another form.
        String text = before + key.toUpperCase(Locale.ROOT) + after + key;
        String json = new JsonPrimitive(stream(new Redactor(key), pieces(text, cuts))).toString();
        assertNoKey(key, json);
        assertNoKey(key, JsonParser.parseString(json).getAsString());
    }

    @Property
    void textWithoutTheKeyIsUnchanged(@ForAll("keys") String key, @ForAll("surroundings") String a,
                                      @ForAll("surroundings") String b, @ForAll("surroundings") String c,
                                      @ForAll @Size(max = 10) List<@IntRange(max = 400) Integer> cuts) {
        // Even text made of the key's own pieces, as long as the whole key is not among them.
        String text = a + key.substring(0, key.length() / 2) + b + key.substring(1) + c;
        Assume.that(!fold(jsonDecoded(text)).contains(fold(key)) && !fold(text).contains(fold(key)));
        Redactor redactor = new Redactor(key);
        assertEquals(text, redactor.redact(text));
        assertEquals(text, stream(redactor, pieces(text, cuts)));
    }

    @Property
    void keysShorterThanTheMinimumAreLeftAlone(@ForAll @Size(min = 1, max = 7) List<@IntRange(min = 'a', max = 'z') Integer> letters,
                                               @ForAll("surroundings") String around) {
        String key = letters.stream().map(c -> String.valueOf((char) c.intValue())).reduce("", String::concat);
        String text = around + key + around;
        assertEquals(text, new Redactor(key).redact(text));
    }

    private static String stream(Redactor redactor, List<String> pieces) {
        StreamingRedactor streaming = redactor.streaming();
        StringBuilder out = new StringBuilder();
        pieces.forEach(p -> out.append(streaming.feed(p)));
        return out.append(streaming.finish()).toString();
    }

    /** The most of a key's start that may be shown before the rest of it arrives (as the README says). */
    private static final int SHOWN_AT_MOST = 2;

    /**
     * {@code streamed} is {@code whole}, but for at most {@link #SHOWN_AT_MOST} characters
     * before a marker: the start of the key that a piece ended in, shown before the rest came.
     */
    private static boolean sameButForShownStarts(String whole, String streamed, String marker) {
        int i = 0;
        int j = 0;
        while (i < whole.length() || j < streamed.length()) {
            if (!marker.isEmpty() && whole.startsWith(marker, i)) {
                int extra = 0;
                while (extra <= SHOWN_AT_MOST && !streamed.startsWith(marker, j + extra)) {
                    extra++;
                }
                if (extra > SHOWN_AT_MOST) {
                    return false;
                }
                i += marker.length();
                j += extra + marker.length();
            } else if (i < whole.length() && j < streamed.length() && whole.charAt(i) == streamed.charAt(j)) {
                i++;
                j++;
            } else {
                return false;
            }
        }
        return true;
    }

    private static void assertNoKey(String key, String out) {
        assertFalse(fold(out).contains(fold(key)), () -> "the key " + key + " survives in " + out);
        assertFalse(fold(jsonDecoded(out)).contains(fold(key)), () -> "the key " + key + " survives, JSON-escaped, in " + out);
    }

    /** Each character of {@code key} in one of four forms: as is, upper case, lower case, or a JSON escape. */
    static String disguise(String key, List<Integer> forms) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (forms.get(i)) {
                case 0 -> out.append(c);
                case 1 -> out.append(Character.toUpperCase(c));
                case 2 -> out.append(Character.toLowerCase(c));
                default -> out.append(c == '/' && i % 2 == 0 ? "\\/"
                        : String.format(i % 2 == 0 ? "\\u%04x" : "\\u%04X", (int) (i % 3 == 0 ? Character.toUpperCase(c) : c)));
            }
        }
        return out.toString();
    }

    /** JSON string escapes decoded left to right, as a JSON parser reads a string's body; the rest kept. */
    static String jsonDecoded(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (n == 'u' && i + 5 < s.length() && s.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                    out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                }
                if (n == '/' || n == '"' || n == '\\') {
                    out.append(n);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
