package dev.arena.output;

import dev.arena.debate.DebateListener;
import dev.arena.debate.FallbackNote;
import dev.arena.debate.Speaker;
import dev.arena.openrouter.ApiException;

import java.time.Duration;

/** Retries, waits and fallbacks of a debate on stderr, for when stdout is a pipe (--json has them as events). */
public final class StderrDebateNotices implements DebateListener {

    private final TextSink err;

    public StderrDebateNotices(TextSink err) {
        this.err = err;
    }

    @Override
    public void retry(String debateId, Speaker who, ApiException failure, Duration delay, int retry, int maxRetries) {
        say(who, Notices.retry(failure, delay, retry, maxRetries));
    }

    @Override
    public void waiting(String debateId, Speaker who, String model, Duration wait, String reason) {
        say(who, Notices.waiting(model, wait, reason));
    }

    @Override
    public void fallback(String debateId, Speaker who, FallbackNote note) {
        say(who, Notices.fallback(note.fromModel(), note.reason(), note.toModel(), note.continuing()));
    }

    private void say(Speaker who, String text) {
        err.write("arena: [" + who.label() + "] " + text + "\n").flush();
    }
}
