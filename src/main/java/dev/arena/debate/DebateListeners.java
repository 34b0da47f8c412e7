package dev.arena.debate;

import dev.arena.openrouter.ApiException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sends every debate event to several listeners in order: the view, then each transcript.
 * One listener failing (stdout closed under a pipe) must not cost the others the event,
 * so each gets it before the first failure is rethrown.
 */
public final class DebateListeners implements DebateListener {

    private final List<DebateListener> listeners;

    public DebateListeners(List<DebateListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void deliver(Consumer<DebateListener> event) {
        RuntimeException first = null;
        for (DebateListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void debateStarted(DebateSettings settings, Instant at) {
        deliver(l -> l.debateStarted(settings, at));
    }

    @Override
    public void turnStarted(int round, Side side, Phase phase, String model, Instant at) {
        deliver(l -> l.turnStarted(round, side, phase, model, at));
    }

    @Override
    public void delta(Side side, String text) {
        deliver(l -> l.delta(side, text));
    }

    @Override
    public void retry(String who, ApiException failure, Duration delay, int retry, int maxRetries) {
        deliver(l -> l.retry(who, failure, delay, retry, maxRetries));
    }

    @Override
    public void waiting(String who, String model, Duration wait, String reason) {
        deliver(l -> l.waiting(who, model, wait, reason));
    }

    @Override
    public void fallback(String who, FallbackNote note) {
        deliver(l -> l.fallback(who, note));
    }

    @Override
    public void turnEnded(Turn turn) {
        deliver(l -> l.turnEnded(turn));
    }

    @Override
    public void judging(String model) {
        deliver(l -> l.judging(model));
    }

    @Override
    public void verdict(Verdict verdict) {
        deliver(l -> l.verdict(verdict));
    }

    @Override
    public void finished(DebateSummary summary) {
        deliver(l -> l.finished(summary));
    }

    @Override
    public void ended(DebateOutcome outcome) {
        deliver(l -> l.ended(outcome));
    }
}
