package dev.arena.transcript;

import java.time.Instant;

/**
 * A chat conversation told in order, for whoever renders it: {@code arena logs show},
 * {@code logs export} and {@code replay} of a stored chat. Each exchange is a prompt, then its
 * answer's text as it came, then how the answer ended.
 */
public interface ConversationListener {

    default void conversationStarted(ConversationStart start) {
    }

    /** The user's prompt, sent to {@code modelAsked} at {@code at}. */
    default void promptSent(String prompt, String modelAsked, Instant at) {
    }

    /** The answer starts, from {@code model} (the one that answered, or the one asked when none did). */
    default void answerStarted(String model, Instant at) {
    }

    /** A piece of the answer's text. */
    default void delta(String text) {
    }

    default void answerEnded(Exchange exchange) {
    }

    /** The last event. */
    default void conversationEnded() {
    }
}
