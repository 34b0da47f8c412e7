package dev.arena.render;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.util.regex.Pattern;

/**
 * Renders streamed Markdown for a terminal, line by line, into a {@link WordWrapper}: headings,
 * bold and italic, lists, block quotes, inline code and fenced code blocks. A line's first few
 * characters are held only until its construct is known (e.g. "#" until the space after it);
 * everything after goes out as it comes. Emphasis ends with its line.
 */
public final class MarkdownStyler {

    private static final AttributedStyle HEADING = AttributedStyle.DEFAULT.bold().underline();
    private static final AttributedStyle CODE = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle FENCE = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle MARK = AttributedStyle.DEFAULT.faint();
    private static final Pattern WAIT = Pattern.compile("#{1,6}|[-*+>]|`{1,2}|\\d{1,9}[.)]?");
    private static final Pattern HEADING_START = Pattern.compile("#{1,6} ");
    private static final Pattern ORDERED = Pattern.compile("\\d{1,9}[.)] ");

    private final WordWrapper out;
    private final StringBuilder head = new StringBuilder();
    private boolean decided;
    private boolean inFence;
    private AttributedStyle lineStyle = AttributedStyle.DEFAULT;
    private boolean verbatim;
    private boolean bold;
    private boolean italic;
    private boolean code;
    private boolean pendingStar;
    private int previous = ' ';

    public MarkdownStyler(WordWrapper out) {
        this.out = out;
    }

    public void append(String text) {
        text.codePoints().forEach(this::append);
    }

    /** The end of the stream: what was held goes out as text. */
    public void finish() {
        decideAsText();
        flushStar();
    }

    private void append(int cp) {
        if (cp == '\n') {
            decideAsText();
            flushStar();
            out.newline();
            head.setLength(0);
            decided = false;
            verbatim = bold = italic = code = false;
            lineStyle = AttributedStyle.DEFAULT;
            previous = ' ';
        } else if (decided) {
            inline(cp);
        } else {
            head.appendCodePoint(cp);
            decide();
        }
    }

    private void decide() {
        String indent = head.substring(0, head.length() - head.toString().stripLeading().length());
        String h = head.toString().stripLeading();
        if (h.isEmpty() || (inFence ? "``".startsWith(h) : WAIT.matcher(h).matches())) {
            return;
        }
        decided = true;
        if (h.startsWith("```")) {
            inFence = !inFence;
            verbatim(FENCE, head.toString());
        } else if (inFence) {
            verbatim(CODE, head.toString());
        } else if (HEADING_START.matcher(h).matches()) {
            lineStyle = HEADING;
        } else if (h.startsWith(">")) {
            out.append(indent + "│ ", MARK);
            out.continuationIndent(new AttributedString(indent + "│ ", MARK));
            inlineAll(h.substring(h.startsWith("> ") ? 2 : 1));
        } else if (h.length() == 2 && "-*+".indexOf(h.charAt(0)) >= 0 && h.charAt(1) == ' ') {
            out.append(indent + "• ", MARK);
            out.continuationIndent(new AttributedString(indent + "  "));
        } else if (ORDERED.matcher(h).matches()) {
            out.append(indent + h, MARK);
            out.continuationIndent(new AttributedString(" ".repeat(indent.length() + h.length())));
        } else {
            inlineAll(head.toString());
        }
    }

    private void decideAsText() {
        if (!decided && !head.isEmpty()) {
            decided = true;
            if (inFence) {
                verbatim(CODE, head.toString());
            } else {
                inlineAll(head.toString());
            }
        }
    }

    private void verbatim(AttributedStyle style, String text) {
        verbatim = true;
        lineStyle = style;
        out.append(text, style);
    }

    private void inlineAll(String text) {
        text.codePoints().forEach(this::inline);
    }

    private void inline(int cp) {
        if (verbatim) {
            out.append(new String(Character.toChars(cp)), lineStyle);
            return;
        }
        if (cp == '`') {
            flushStar();
            code = !code;
            return;
        }
        if (!code && cp == '*') {
            if (pendingStar) {
                pendingStar = false;
                bold = !bold;
            } else {
                pendingStar = true;
            }
            return;
        }
        if (pendingStar) {
            pendingStar = false;
            // One star is italic only where it can open (before a word) or close (after one).
            if (italic ? previous != ' ' : cp != ' ') {
                italic = !italic;
            } else {
                emit('*');
            }
        }
        emit(cp);
    }

    private void flushStar() {
        if (pendingStar) {
            pendingStar = false;
            emit('*');
        }
    }

    private void emit(int cp) {
        AttributedStyle style = code ? CODE : lineStyle;
        if (bold) {
            style = style.bold();
        }
        if (italic) {
            style = style.italic();
        }
        out.append(new String(Character.toChars(cp)), style);
        previous = cp;
    }
}
