package dev.arena.render;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownStylerTest {

    private final WordWrapper wrapper = new WordWrapper(() -> 80);
    private final MarkdownStyler styler = new MarkdownStyler(wrapper);

    private AttributedString render(String... chunks) {
        for (String chunk : chunks) {
            styler.append(chunk);
        }
        styler.finish();
        wrapper.finish();
        return wrapper.drain();
    }

    @Test
    void markersBecomeStylesAndTheWordsStay() {
        AttributedString shown = render("# Ti", "tle\n- a **bo", "ld** and *it* `x`\n> quo", "ted\n");
        assertEquals("Title\n• a bold and it x\n│ quoted\n", shown.toString());
        assertTrue(shown.styleAt(0).equals(AttributedStyle.DEFAULT.bold().underline()), "the heading is styled");
        int bold = shown.toString().indexOf("bold");
        assertEquals(AttributedStyle.BOLD, shown.styleAt(bold));
    }

    @Test
    void fencedCodeIsVerbatimInItsOwnStyle() {
        AttributedString shown = render("```java\nint *a* = 1;\n```\nafter 2 * 3\n");
        assertEquals("```java\nint *a* = 1;\n```\nafter 2 * 3\n", shown.toString());
        int code = shown.toString().indexOf("int");
        assertEquals(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN), shown.styleAt(code));
    }
}
