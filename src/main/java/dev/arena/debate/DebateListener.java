package dev.arena.debate;

import dev.arena.openrouter.ApiException;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything that happens in a debate, in order, for whoever shows or records it: the
 * terminal, a Markdown or JSON stream on stdout, a transcript file. Every method has an
 * empty default so each listener implements only what it uses.
 *
 * <p>{@code who} in notices names the speaker the notice is about: "Pro", "Con" or "Judge".
 */
public interface DebateListener {

    default void debateStarted(DebateSettings settings, Instant at) {
    }

    /** A turn starts speaking: called when its first text arrives (or when it fails without any). */
    default void turnStarted(int round, Side side, Phase phase, String model, Instant at) {
    }

    /** A piece of the current turn's text, as it arrives. */
    default void delta(Side side, String text) {
    }

    /** The same model will be asked again after {@code delay}. */
    default void retry(String who, ApiException failure, Duration delay, int retry, int maxRetries) {
    }

    /** Nothing is sent to {@code model} for {@code wait}, for {@code reason}. */
    default void waiting(String who, String model, Duration wait, String reason) {
    }

    /** A model failed and the next of the chain takes over. */
    default void fallback(String who, FallbackNote note) {
    }

    /** The turn is over, completed or failed ({@link Turn#failed()}). */
    default void turnEnded(Turn turn) {
    }

    /** The judge is being asked, twice, by {@code model} first. */
    default void judging(String model) {
    }

    default void verdict(Verdict verdict) {
    }

    /** The debate is over, complete or not; the last event from the debate itself. */
    default void finished(DebateSummary summary) {
    }

    /**
     * After {@link #finished}, from whoever ran the debate: how the run ended, which only it
     * knows (stdout closed, a transcript failed). Always the very last event.
     */
    default void ended(DebateOutcome outcome) {
    }
}
