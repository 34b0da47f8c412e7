package dev.arena.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Splits lines into words for completion, and makes Enter after a trailing backslash
 * continue the input on a new line instead of sending it. Quotes and brackets mean nothing
 * here: "don't" in a chat message must not wait for a closing quote.
 */
final class ContinuationParser extends DefaultParser {

    ContinuationParser() {
        setEofOnUnclosedQuote(false);
        setEofOnEscapedNewLine(false);
        setQuoteChars(new char[0]);
        setEscapeChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && line.endsWith("\\")) {
            throw new EOFError(-1, -1, "line continues after a backslash", "newline");
        }
        return super.parse(line, cursor, context);
    }
}
