package dev.arena.output;

import dev.arena.openrouter.ApiException;
import dev.arena.resilience.Answer;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The view for pipes and files: stdout carries exactly the answer's text, streamed as it
 * arrives and followed by one newline; everything else (notices, usage, errors) goes to
 * stderr, so {@code arena chat ... > answer.txt} holds nothing but the answer.
 */
public final class PlainView implements AnswerView {

    private final TextSink out;
    private final TextSink err;
    private final boolean quiet;
    private boolean wroteContent;

    public PlainView(TextSink out, TextSink err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public void begin(List<String> models) {
    }

    @Override
    public void onAttempt(String model, boolean continuing) {
    }

    @Override
    public void onContent(String text) {
        wroteContent = true;
        out.write(text);
    }

    @Override
    public void onReadDone() {
        out.flush();
    }

    @Override
    public void onRetry(ApiException failure, Duration delay, int retry, int maxRetries) {
        notice(() -> Notices.retry(failure, delay, retry, maxRetries));
    }

    @Override
    public void onFallback(ApiException failure, String nextModel, boolean continuing) {
        notice(() -> Notices.fallback(failure, nextModel, continuing));
    }

    @Override
    public void onWait(String model, Duration wait, String reason) {
        notice(() -> Notices.waiting(model, wait, reason));
    }

    @Override
    public void finish(Answer answer) {
        out.write("\n").flush();
        notice(() -> Notices.usage(answer));
    }

    @Override
    public void fail(String sentence, int exitCode) {
        endPartialLine();
        err.write("arena: " + sentence + "\n").flush();
    }

    /** A cut answer still ends with a newline, so the next shell prompt does not glue onto it. */
    private void endPartialLine() {
        if (wroteContent) {
            wroteContent = false;
            out.write("\n").flush();
        }
    }

    /** Made only when shown: the usage line formats a cost, and formatting is slow in a cold JVM. */
    private void notice(Supplier<String> text) {
        if (!quiet) {
            out.flush();
            err.write("arena: " + text.get() + "\n").flush();
        }
    }
}
