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
    public void debateStarted(String debateId, DebateSettings settings, Instant at) {
        deliver(l -> l.debateStarted(debateId, settings, at));
    }

    @Override
    public void turnStarted(String debateId, int round, Side side, Phase phase, String model, Instant at) {
        deliver(l -> l.turnStarted(debateId, round, side, phase, model, at));
    }

    @Override
    public void delta(String debateId, Side side, String text) {
        deliver(l -> l.delta(debateId, side, text));
    }

    @Override
    public void retry(String debateId, Speaker who, ApiException failure, Duration delay, int retry, int maxRetries) {
        deliver(l -> l.retry(debateId, who, failure, delay, retry, maxRetries));
    }

    @Override
    public void waiting(String debateId, Speaker who, String model, Duration wait, String reason) {
        deliver(l -> l.waiting(debateId, who, model, wait, reason));
    }

    @Override
    public void fallback(String debateId, Speaker who, FallbackNote note) {
        deliver(l -> l.fallback(debateId, who, note));
    }

    @Override
    public void turnEnded(String debateId, Turn turn) {
        deliver(l -> l.turnEnded(debateId, turn));
    }

    @Override
    public void judging(String debateId, String model) {
        deliver(l -> l.judging(debateId, model));
    }

    @Override
    public void verdict(String debateId, Verdict verdict) {
        deliver(l -> l.verdict(debateId, verdict));
    }

    @Override
    public void finished(String debateId, DebateSummary summary) {
        deliver(l -> l.finished(debateId, summary));
    }

    @Override
    public void ended(String debateId, DebateOutcome outcome) {
        deliver(l -> l.ended(debateId, outcome));
    }
}
