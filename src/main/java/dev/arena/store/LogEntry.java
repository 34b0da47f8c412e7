package dev.arena.store;

import java.time.Instant;
import java.util.List;

/**
 * One entry of {@code arena logs}: a chat conversation or a debate, with what its requests add
 * up to. {@code models} is the answering model of a chat's last request, or a debate's two
 * fighters (pro first); {@code costUsd} is null when no request reported or estimated a cost.
 * {@code snippet} and {@code rank} (1 for the best match) are set only by a search.
 */
public record LogEntry(String id, String kind, String title, String name, Instant createdAt, Instant updatedAt,
                       List<String> models, int requests, Double costUsd, boolean costEstimated,
                       String snippet, Integer rank) {

    public LogEntry {
        models = List.copyOf(models);
    }

    public boolean isDebate() {
        return kind.equals("debate");
    }
}
