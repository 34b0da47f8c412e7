package dev.arena.terminal;

import dev.arena.openrouter.ApiException;
import dev.arena.output.AnswerView;
import dev.arena.output.Notices;
import dev.arena.output.TextSink;
import dev.arena.render.MarkdownStyler;
import dev.arena.render.WordWrapper;
import dev.arena.resilience.Answer;
import dev.arena.text.TerminalSanitizer;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * The view for a person at a terminal: tokens appear as they arrive (sanitised, so the
 * model cannot drive the terminal), reasoning in a dim colour, notices in yellow on their
 * own lines, and after the answer the model that answered with tokens, cost and time.
 */
public final class RichView implements AnswerView {

    private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle NOTICE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);

    private final Terminal terminal;
    private final PrintWriter writer;
    private final TextSink err;
    private final boolean color;
    private final TerminalSanitizer contentSanitizer = new TerminalSanitizer();
    private final TerminalSanitizer reasoningSanitizer = new TerminalSanitizer();
    private final WordWrapper wrapper;
    /** Null with --raw: the text is shown as it came, only wrapped. */
    private final MarkdownStyler markdown;
    private boolean inReasoning;

    public RichView(Terminal terminal, TextSink err, boolean color, boolean renderMarkdown) {
        this.terminal = terminal;
        this.writer = terminal.writer();
        this.err = err;
        this.color = color;
        this.wrapper = new WordWrapper(terminal::getWidth);
        this.markdown = renderMarkdown ? new MarkdownStyler(wrapper) : null;
    }

    @Override
    public void begin(List<String> models) {
    }

    @Override
    public void onAttempt(String model, boolean continuing) {
    }

    @Override
    public void onReasoning(String text) {
        if (!inReasoning && !color) {
            // Without colour, dim text looks like the answer: label the reasoning instead.
            print("[reasoning]\n", null);
        }
        inReasoning = true;
        print(reasoningSanitizer.sanitize(text), DIM);
    }

    @Override
    public void onContent(String text) {
        if (inReasoning) {
            inReasoning = false;
            endLine();
            print("\n", null);
        }
        String printable = contentSanitizer.sanitize(text);
        if (markdown == null) {
            wrapper.append(printable, AttributedStyle.DEFAULT);
        } else {
            markdown.append(printable);
        }
        show(wrapper.drain());
    }

    @Override
    public void onRetry(ApiException failure, Duration delay, int retry, int maxRetries) {
        notice(Notices.retry(failure, delay, retry, maxRetries), NOTICE);
    }

    @Override
    public void onFallback(ApiException failure, String nextModel, boolean continuing) {
        notice(Notices.fallback(failure, nextModel, continuing), NOTICE);
    }

    @Override
    public void onWait(String model, Duration wait, String reason) {
        notice(Notices.waiting(model, wait, reason), NOTICE);
    }

    @Override
    public void finish(Answer answer) {
        endLine();
        notice(Notices.usage(answer), DIM);
    }

    @Override
    public void fail(String sentence, int exitCode) {
        endLine();
        terminal.flush();
        // Errors go to stderr even here, so a script that logs stderr keeps them; uncoloured,
        // since stderr may be a file even when stdout is the terminal.
        err.write("arena: " + sentence + "\n").flush();
    }

    private void print(String text, AttributedStyle style) {
        if (text.isEmpty()) {
            return;
        }
        wrapper.append(text, style == null ? AttributedStyle.DEFAULT : style);
        show(wrapper.drain());
    }

    private void show(AttributedString text) {
        writer.print(color ? text.toAnsi(terminal) : text.toString());
    }

    @Override
    public void onReadDone() {
        // A word still held waits for its end; everything else is on screen now.
        terminal.flush();
    }

    private void notice(String text, AttributedStyle style) {
        endLine();
        writer.print(styled(text, style));
        writer.print('\n');
        terminal.flush();
    }

    private void endLine() {
        if (markdown != null) {
            markdown.finish();
        }
        wrapper.endLine();
        show(wrapper.drain());
    }

    private String styled(String text, AttributedStyle style) {
        return color ? new AttributedString(text, style).toAnsi(terminal) : text;
    }
}
