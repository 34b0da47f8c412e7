package dev.arena.resilience;

import dev.arena.openrouter.ChatRequest;

import java.time.Instant;
import java.util.List;

/**
 * Where the fallback chain reports every request it makes: when it is sent, and how it ended.
 * One per process, shared by every thread (the store records through it); what belongs to one
 * request lives in the {@link Pending} it returns, never in the log itself.
 */
public interface RequestLog {

    /** Records nothing. */
    RequestLog NONE = (tag, request, chain, sentAt) -> outcome -> {
    };

    /** {@code request} is about to be sent to the first of {@code chain}, on behalf of {@code tag}. */
    Pending started(RequestTag tag, ChatRequest request, List<String> chain, Instant sentAt);

    /** One request in flight. */
    @FunctionalInterface
    interface Pending {
        /** Called once, however the request ended. */
        void ended(RequestOutcome outcome);
    }
}
