package dev.arena.transcript;

import dev.arena.output.TextSink;
import dev.arena.text.TerminalSanitizer;

/**
 * A Markdown document written block by block, as every Markdown renderer of arena writes it:
 * blocks separated by exactly one blank line, whatever the text before ends with. Blocks are
 * sanitised whole ({@link TerminalSanitizer}), since they carry outside text; streamed text is
 * written as given, its caller sanitising it piece by piece.
 */
final class MarkdownBlocks {

    private final TextSink out;
    /** Newlines at the end of what was written so far, up to two; -1 before anything was written. */
    private int trailingNewlines = -1;

    MarkdownBlocks(TextSink out) {
        this.out = out;
    }

    /** Writes {@code text} as a block of its own: a blank line before it unless it starts the document. */
    void block(String text) {
        separate();
        write(TerminalSanitizer.strip(text));
    }

    /** Ends what was written with a blank line. */
    void separate() {
        if (trailingNewlines < 0) {
            return;
        }
        write("\n".repeat(2 - Math.min(trailingNewlines, 2)));
    }

    void write(String text) {
        if (text.isEmpty()) {
            return;
        }
        out.write(text);
        int newlines = 0;
        for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\n'; i--) {
            newlines++;
        }
        trailingNewlines = newlines == text.length()
                ? Math.min(2, Math.max(trailingNewlines, 0) + newlines)
                : Math.min(2, newlines);
    }

    void flush() {
        out.flush();
    }

    /** {@code text} with its first letter in upper case. */
    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
