package dev.arena.store;

/**
 * One message of a chat conversation's history: the user's ({@code model} null), or an answer,
 * with the model that gave it and whether it was stopped part-way ({@code cut}).
 */
public record HistoryMessage(String role, String content, String model, boolean cut) {

    public boolean isUser() {
        return "user".equals(role);
    }
}
