package dev.arena.render;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.function.IntSupplier;

/**
 * Wraps streamed, styled text at word boundaries. A word is held back only until its end is
 * known (a space, a newline or the end of the stream), then goes on the current line if it
 * fits, else on the next; a word longer than a whole line is broken at the edge as it comes.
 * The width is asked at the start of every line, so a resized terminal is followed; a width
 * of zero or less (a dumb terminal that does not know it) means no wrapping. Styles are not
 * text, so they take no column.
 */
public final class WordWrapper {

    private static final int TAB_COLUMNS = 4;

    private final IntSupplier width;
    private final AttributedStringBuilder out = new AttributedStringBuilder();
    private final AttributedStringBuilder word = new AttributedStringBuilder();
    private final AttributedStringBuilder spaces = new AttributedStringBuilder();
    private AttributedString indent = AttributedString.EMPTY;
    private int lineWidth;
    private int column;
    private int wordColumns;
    private int spaceColumns;
    private boolean breakingLongWord;

    public WordWrapper(IntSupplier width) {
        this.width = width;
        this.lineWidth = width.getAsInt();
    }

    /** What continuation lines of the current line start with (a list's or a quote's indent). */
    public void continuationIndent(AttributedString prefix) {
        indent = prefix;
    }

    public void append(String text, AttributedStyle style) {
        text.codePoints().forEach(cp -> append(cp, style));
    }

    private void append(int cp, AttributedStyle style) {
        if (atLineStart()) {
            // Read as a line starts, not as the last one ends, so a resize in between is seen.
            lineWidth = width.getAsInt();
        }
        if (cp == '\n') {
            newline();
        } else if (cp == ' ' || cp == '\t') {
            placeWord();
            int columns = cp == ' ' ? 1 : TAB_COLUMNS;
            spaces.style(style).append(" ".repeat(columns));
            spaceColumns += columns;
        } else {
            int columns = DisplayWidth.of(cp);
            if (breakingLongWord || (wrapping() && wordColumns + columns > room())) {
                breakLongWord(cp, columns, style);
            } else {
                word.style(style).append(new String(Character.toChars(cp)));
                wordColumns += columns;
            }
        }
    }

    /** A hard line end: what is held goes out, trailing spaces are dropped, and the line ends. */
    public void newline() {
        placeWord();
        clearSpaces();
        breakLine(false);
    }

    /** Ends the current line if anything is on it, so what follows starts a line of its own. */
    public void endLine() {
        placeWord();
        clearSpaces();
        if (column > 0) {
            breakLine(false);
        }
    }

    /** The end of the stream: the last word goes out; the line is left open. */
    public void finish() {
        placeWord();
        clearSpaces();
    }

    /** True when nothing is on the current line and nothing is held. */
    public boolean atLineStart() {
        return column == 0 && word.length() == 0 && spaces.length() == 0;
    }

    /** What is ready to be shown, removed from the wrapper. */
    public AttributedString drain() {
        AttributedString ready = out.toAttributedString();
        out.setLength(0);
        return ready;
    }

    private boolean wrapping() {
        return lineWidth > 0;
    }

    /** The columns a word may take on a line of its own. */
    private int room() {
        return Math.max(1, lineWidth - DisplayWidth.of(indent));
    }

    private void placeWord() {
        breakingLongWord = false;
        if (word.length() == 0) {
            return;
        }
        if (wrapping() && column > 0 && column + spaceColumns + wordColumns > lineWidth) {
            clearSpaces();
            breakLine(true);
        }
        emitSpaces();
        out.append(word);
        column += wordColumns;
        word.setLength(0);
        wordColumns = 0;
    }

    /** A word that fits no line: it starts where it is and breaks at the edge, character by character. */
    private void breakLongWord(int cp, int columns, AttributedStyle style) {
        if (!breakingLongWord) {
            breakingLongWord = true;
            if (column + spaceColumns >= lineWidth) {
                clearSpaces();
                breakLine(true);
            }
            emitSpaces();
            AttributedString held = word.toAttributedString();
            word.setLength(0);
            wordColumns = 0;
            for (int i = 0; i < held.length(); ) {
                int next = held.toString().offsetByCodePoints(i, 1);
                emitBroken(held.substring(i, next), DisplayWidth.of(held.toString().codePointAt(i)));
                i = next;
            }
        }
        emitBroken(new AttributedString(new String(Character.toChars(cp)), style), columns);
    }

    private void emitBroken(AttributedString piece, int columns) {
        if (column + columns > lineWidth && column > DisplayWidth.of(indent)) {
            breakLine(true);
        }
        out.append(piece);
        column += columns;
    }

    private void emitSpaces() {
        out.append(spaces);
        column += spaceColumns;
        clearSpaces();
    }

    private void clearSpaces() {
        spaces.setLength(0);
        spaceColumns = 0;
    }

    private void breakLine(boolean continuation) {
        out.append('\n');
        lineWidth = width.getAsInt();
        column = 0;
        if (continuation) {
            out.append(indent);
            column = DisplayWidth.of(indent);
        } else {
            indent = AttributedString.EMPTY;
        }
    }
}
