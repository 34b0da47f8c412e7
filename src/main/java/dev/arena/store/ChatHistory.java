package dev.arena.store;

import java.util.List;

/**
 * A chat conversation read back to be continued: its settings, its history (without the system
 * prompt, which is a setting) and what its answers cost so far.
 *
 * @param name     the session's name, or null for a conversation without one
 * @param answers  the answers received since the history last started ({@code /clear})
 * @param cost     their cost in USD, or null when no server reported one
 */
public record ChatHistory(String id, String name, ChatSettings settings, List<HistoryMessage> messages, int answers,
                          long promptTokens, long completionTokens, Double cost) {

    public ChatHistory {
        messages = List.copyOf(messages);
    }
}
