package dev.arena.debate;

import dev.arena.openrouter.ApiException;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything that happens in a debate, in order, for whoever shows or records it: the
 * terminal, a Markdown or JSON stream on stdout, a transcript file. Every method has an
 * empty default so each listener implements only what it uses.
 *
 * <p>Every event names the debate it belongs to first, so that one listener can follow many
 * debates at once (a tournament's status line); {@code who} in notices names the speaker the
 * notice is about.
 */
public interface DebateListener {

    default void debateStarted(String debateId, DebateSettings settings, Instant at) {
    }

    /** A turn starts speaking: called when its first text arrives (or when it fails without any). */
    default void turnStarted(String debateId, int round, Side side, Phase phase, String model, Instant at) {
    }

    /** A piece of the current turn's text, as it arrives. */
    default void delta(String debateId, Side side, String text) {
    }

    /** The same model will be asked again after {@code delay}. */
    default void retry(String debateId, Speaker who, ApiException failure, Duration delay, int retry, int maxRetries) {
    }

    /** Nothing is sent to {@code model} for {@code wait}, for {@code reason}. */
    default void waiting(String debateId, Speaker who, String model, Duration wait, String reason) {
    }

    /** A model failed and the next of the chain takes over. */
    default void fallback(String debateId, Speaker who, FallbackNote note) {
    }

    /** The turn is over, completed or failed ({@link Turn#failed()}). */
    default void turnEnded(String debateId, Turn turn) {
    }

    /** The judge is being asked, twice, by {@code model} first. */
    default void judging(String debateId, String model) {
    }

    default void verdict(String debateId, Verdict verdict) {
    }

    /** The debate is over, complete or not; the last event from the debate itself. */
    default void finished(String debateId, DebateSummary summary) {
    }

    /**
     * After {@link #finished}, from whoever ran the debate: how the run ended, which only it
     * knows (stdout closed, a transcript failed). Always the very last event.
     */
    default void ended(String debateId, DebateOutcome outcome) {
    }
}
