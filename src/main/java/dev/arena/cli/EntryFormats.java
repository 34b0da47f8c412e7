package dev.arena.cli;

import dev.arena.openrouter.CancelledException;
import dev.arena.output.TextSink;
import dev.arena.text.TerminalJson;
import dev.arena.transcript.JsonConversationDocument;
import dev.arena.transcript.JsonDebateDocument;
import dev.arena.transcript.JsonLinesConversationWriter;
import dev.arena.transcript.JsonLinesDebateWriter;
import dev.arena.transcript.MarkdownConversationWriter;
import dev.arena.transcript.MarkdownDebateWriter;
import dev.arena.transcript.TranscriptFormat;

/**
 * A stored entry in a transcript format, through the renderers {@code debate --out} uses for
 * debates (Markdown, the JSON document, JSON Lines) and their conversation counterparts for chats.
 */
final class EntryFormats {

    private EntryFormats() {
    }

    /** Writes {@code entry} to {@code out}; {@code terminal}: out is a terminal, where JSON escapes C1 and bidi controls. */
    static void render(StoredEntries.Entry entry, TranscriptFormat format, TextSink out, boolean terminal) {
        RecordedClock clock = new RecordedClock();
        try {
            if (entry.debate() != null) {
                switch (format) {
                    case MARKDOWN -> entry.debate().replay(new MarkdownDebateWriter(out), clock);
                    case JSONL -> entry.debate().replay(new JsonLinesDebateWriter(out, clock, terminal), clock);
                    case JSON -> {
                        JsonDebateDocument document = new JsonDebateDocument();
                        entry.debate().replay(document, clock);
                        out.write(json(document.text(), terminal));
                    }
                }
            } else {
                switch (format) {
                    case MARKDOWN -> entry.chat().replay(new MarkdownConversationWriter(out), clock);
                    case JSONL -> entry.chat().replay(new JsonLinesConversationWriter(out, clock, terminal), clock);
                    case JSON -> {
                        JsonConversationDocument document = new JsonConversationDocument();
                        entry.chat().replay(document, clock);
                        out.write(json(document.text(), terminal));
                    }
                }
            }
        } catch (CancelledException e) {
            throw new IllegalStateException("a replay without waits was cancelled", e);
        }
        out.flush();
    }

    private static String json(String text, boolean terminal) {
        return terminal ? TerminalJson.escape(text) : text;
    }
}
