package dev.arena.render;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.CharRange;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordWrapperTest {

    private static String wrap(int width, String... chunks) {
        WordWrapper wrapper = new WordWrapper(() -> width);
        StringBuilder shown = new StringBuilder();
        for (String chunk : chunks) {
            wrapper.append(chunk, AttributedStyle.BOLD);
            shown.append(wrapper.drain().toString());
        }
        wrapper.finish();
        return shown.append(wrapper.drain().toString()).toString();
    }

    @Test
    void wordsMoveToTheNextLineWholeEvenWhenTheyArriveInPieces() {
        assertEquals("the quick\nbrown fox", wrap(10, "the qu", "ick bro", "wn f", "ox"));
    }

    @Test
    void aWordLongerThanTheLineStartsWhereItIsAndBreaksAtTheEdge() {
        assertEquals("a abcd\nefghij", wrap(6, "a abcdefghij"));
    }

    @Test
    void wideCharactersTakeTwoColumns() {
        assertEquals("ab\n漢字", wrap(5, "ab 漢字"));
    }

    @Test
    void aWordIsHeldOnlyUntilItsEndIsKnown() {
        WordWrapper wrapper = new WordWrapper(() -> 80);
        wrapper.append("Hello wor", AttributedStyle.DEFAULT);
        assertEquals("Hello", wrapper.drain().toString());
        wrapper.append("ld\n", AttributedStyle.DEFAULT);
        assertEquals(" world\n", wrapper.drain().toString());
    }

    @Test
    void theWidthIsReadAgainAtEveryLine() {
        int[] width = {8};
        WordWrapper wrapper = new WordWrapper(() -> width[0]);
        wrapper.append("aaa bbb\n", AttributedStyle.DEFAULT);
        width[0] = 4;
        wrapper.append("ccc ddd", AttributedStyle.DEFAULT);
        wrapper.finish();
        assertEquals("aaa bbb\nccc\nddd", wrapper.drain().toString());
    }

    @Test
    void noKnownWidthMeansNoWrapping() {
        assertEquals("a long line of words", wrap(0, "a long line of words"));
    }

    @Property
    void wrappingKeepsTheWordsInOrderAndNoLineIsWiderThanTheWidthUnlessOneWordIs(
            @ForAll @Size(max = 30) List<@StringLength(min = 1, max = 12) @CharRange(from = 'a', to = 'e') String> words,
            @ForAll @IntRange(min = 1, max = 30) int width) {
        String shown = wrap(width, String.join(" ", words));
        assertEquals(String.join("", words), shown.replaceAll("[ \n]", ""), "no character is lost or added");
        for (String line : shown.split("\n")) {
            assertTrue(line.length() <= width, "line '" + line + "' is wider than " + width);
        }
        if (words.stream().allMatch(w -> w.length() <= width)) {
            assertEquals(words, Arrays.stream(shown.split("[ \n]+")).filter(w -> !w.isEmpty()).toList(),
                    "words that fit a line are never cut");
        }
    }
}
