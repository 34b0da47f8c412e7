package dev.arena.cli;

import dev.arena.openrouter.Completion;
import dev.arena.output.AnswerView;
import dev.arena.output.TextSink;
import dev.arena.resilience.Answer;
import dev.arena.terminal.RichView;
import dev.arena.text.TerminalSanitizer;
import dev.arena.transcript.ConversationListener;
import dev.arena.transcript.Exchange;
import org.jline.terminal.Terminal;

import java.time.Instant;
import java.util.List;

/**
 * A stored chat replayed at the terminal: each prompt as the user typed it, after "> ", then
 * its answer through the {@link RichView} a live chat uses, with its usage line or its failure.
 */
final class ChatReplayView implements ConversationListener {

    private final Terminal terminal;
    private final TextSink err;
    private final boolean color;
    private final boolean renderMarkdown;
    private AnswerView view;

    ChatReplayView(Terminal terminal, TextSink err, boolean color, boolean renderMarkdown) {
        this.terminal = terminal;
        this.err = err;
        this.color = color;
        this.renderMarkdown = renderMarkdown;
    }

    @Override
    public void promptSent(String prompt, String modelAsked, Instant at) {
        String typed = TerminalSanitizer.strip(prompt).strip().replace("\n", "\n> ");
        terminal.writer().print("\n> " + typed + "\n\n");
        terminal.flush();
    }

    @Override
    public void answerStarted(String model, Instant at) {
        view = new RichView(terminal, err, color, renderMarkdown);
        view.begin(List.of(model));
        view.onAttempt(model, false);
    }

    @Override
    public void delta(String text) {
        view.onContent(text);
        view.onReadDone();
    }

    @Override
    public void answerEnded(Exchange x) {
        if (x.answered()) {
            String finish = x.status().equals("cut") ? Completion.CUT : "stop";
            view.finish(new Answer(x.answer(), x.speaker(), new Completion(x.speaker(), finish, x.usage(), null, null),
                    x.elapsed(), List.of()));
        } else {
            view.fail("this answer did not complete (" + x.status() + ")"
                    + (x.error() == null ? "" : ": " + x.error()), ExitCode.FAILED);
        }
    }
}
