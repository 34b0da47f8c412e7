package dev.arena.render;

import org.jline.utils.WCWidth;

/** How many terminal columns a character takes: two for CJK and most emoji, none for combining marks. */
public final class DisplayWidth {

    private DisplayWidth() {
    }

    public static int of(int codePoint) {
        // wcwidth gives -1 for control characters; they take no column once sanitised anyway.
        return Math.max(0, WCWidth.wcwidth(codePoint));
    }

    public static int of(CharSequence text) {
        return text.codePoints().map(DisplayWidth::of).sum();
    }
}
