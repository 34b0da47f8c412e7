package dev.arena.transcript;

import dev.arena.output.Notices;
import dev.arena.output.TextSink;
import dev.arena.text.TerminalSanitizer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A chat conversation as a Markdown document: a title and a short list (id, model, system
 * prompt, start), then for each prompt a "You" section and an "Answer" section with the
 * answer's text and its usage line, as {@code arena chat} shows it on stderr. Written as the
 * events come and flushed per event, like {@link MarkdownDebateWriter}, and sanitised the same way.
 */
public final class MarkdownConversationWriter implements ConversationListener {

    private final MarkdownBlocks out;
    private TerminalSanitizer answerText = new TerminalSanitizer();
    /** True between an answer's header and its first text, which starts a block of its own. */
    private boolean textStart;
    private boolean answerOpen;

    public MarkdownConversationWriter(TextSink out) {
        this.out = new MarkdownBlocks(out);
    }

    @Override
    public void conversationStarted(ConversationStart start) {
        out.block("# Chat: " + TranscriptText.oneLine(start.title()) + "\n");
        StringBuilder list = new StringBuilder();
        list.append("- Id: ").append(start.id()).append('\n');
        if (start.model() != null) {
            list.append("- Model: ").append(start.model()).append('\n');
        }
        if (start.system() != null && !start.system().isBlank()) {
            list.append("- System: ").append(TranscriptText.oneLine(start.system())).append('\n');
        }
        list.append("- Started: ").append(start.createdAt()).append('\n');
        out.block(list.toString());
        out.flush();
    }

    @Override
    public void promptSent(String prompt, String modelAsked, Instant at) {
        out.block("## You\n");
        out.block(prompt.strip() + "\n");
        out.flush();
    }

    @Override
    public void answerStarted(String model, Instant at) {
        header(model);
        out.flush();
    }

    @Override
    public void delta(String raw) {
        String text = answerText.sanitize(raw);
        if (text.isEmpty()) {
            return;
        }
        if (textStart) {
            out.separate();
            textStart = false;
        }
        out.write(text);
        out.flush();
    }

    @Override
    public void answerEnded(Exchange exchange) {
        if (!answerOpen) {
            header(exchange.speaker());
        }
        answerOpen = false;
        textStart = false;
        String started = exchange.sentAt() == null ? "" : " · started " + exchange.sentAt().truncatedTo(ChronoUnit.SECONDS);
        if (exchange.answered()) {
            out.block("*" + Notices.usage(exchange.speaker(), exchange.usage(), exchange.elapsed()) + started + "*\n");
            if (exchange.status().equals("cut")) {
                out.block("*arena cut this answer at its length limit*\n");
            }
        } else {
            out.block("**This answer did not complete (" + exchange.status() + "):** "
                    + TranscriptText.oneLine(exchange.error()) + "\n");
            out.block("*" + exchange.speaker() + started + "*\n");
        }
        out.flush();
    }

    private void header(String model) {
        answerText = new TerminalSanitizer();
        out.block("## Answer (" + model + ")\n");
        answerOpen = true;
        textStart = true;
    }
}
