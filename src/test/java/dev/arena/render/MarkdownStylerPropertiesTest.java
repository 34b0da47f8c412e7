package dev.arena.render;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What must hold for any Markdown-ish text, however the stream splits it. */
class MarkdownStylerPropertiesTest {

    /** Letters, spaces and newlines, and every character that starts or ends a construct. */
    private static final String ALPHABET_NOTE = "a b c, space, newline, * ` # > - + 1 . )";

    @Property
    void howTheStreamIsSplitChangesNothingOnTheScreen(
            @ForAll @StringLength(max = 200) @Chars({'a', 'b', 'c', ' ', '\n', '*', '`', '#', '>', '-', '+', '1', '.', ')'}) String text,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 200) Integer> cuts) {
        assertEquals(render(List.of(text)), render(split(text, cuts)), ALPHABET_NOTE);
    }

    @Property
    void markersGoButNoLetterIsLostOrMoved(
            @ForAll @StringLength(max = 200) @Chars({'a', 'b', 'c', ' ', '\n', '*', '`', '#', '>', '-', '+', '1', '.', ')'}) String text) {
        String shown = render(List.of(text)).replaceAll("\\[-?\\d+]", "");
        assertEquals(letters(text), letters(shown), "shown: " + shown);
    }

    /** What the terminal shows: each character with its style, whatever escape bytes carry it. */
    private static String render(List<String> chunks) {
        WordWrapper wrapper = new WordWrapper(() -> 30);
        MarkdownStyler styler = new MarkdownStyler(wrapper);
        AttributedStringBuilder shown = new AttributedStringBuilder();
        for (String chunk : chunks) {
            styler.append(chunk);
            shown.append(wrapper.drain());
        }
        styler.finish();
        wrapper.finish();
        AttributedString all = shown.append(wrapper.drain()).toAttributedString();
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i < all.length(); i++) {
            cells.append(all.charAt(i)).append('[').append(all.styleAt(i).getStyle()).append(']');
        }
        return cells.toString();
    }

    private static List<String> split(String text, List<Integer> cuts) {
        TreeSet<Integer> at = new TreeSet<>();
        cuts.forEach(c -> at.add(Math.min(c, text.length())));
        at.add(text.length());
        List<String> chunks = new java.util.ArrayList<>();
        int from = 0;
        for (int to : at) {
            chunks.add(text.substring(from, to));
            from = to;
        }
        return chunks;
    }

    private static String letters(String s) {
        return s.replaceAll("[^abc]", "");
    }
}
