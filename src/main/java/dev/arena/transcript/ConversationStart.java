package dev.arena.transcript;

import java.time.Instant;

/** What a chat conversation is before its first prompt: its id, title, model and system prompt (both may be null). */
public record ConversationStart(String id, String title, String model, String system, Instant createdAt) {
}
