package dev.arena.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.arena.debate.DryRun;
import dev.arena.openrouter.RequestBody;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * {@code debate --dry-run --json}: the plan as one {@code dry_run} event, a line of JSON in the
 * shape of the debate's events ({@code type}, {@code time}), fields in snake_case. The key is never
 * in it: {@code authorization} is {@code "Bearer [redacted]"} when one is set, else null with a
 * {@code key_problem} saying why.
 */
final class DryRunEvent {

    static final String REDACTED = "Bearer [redacted]";

    private DryRunEvent() {
    }

    /** {@code keyProblem}: null when a key is set, else why a real run could not send one. */
    static JsonObject of(URI endpoint, String keyProblem, List<DryRun.PlannedRequest> plan, Instant at) {
        JsonObject e = new JsonObject();
        e.addProperty("type", "dry_run");
        e.addProperty("time", at.toString());
        e.addProperty("endpoint", endpoint.toString());
        e.addProperty("authorization", keyProblem == null ? REDACTED : null);
        e.addProperty("key_problem", keyProblem);
        JsonArray requests = new JsonArray();
        for (DryRun.PlannedRequest planned : plan) {
            JsonObject r = new JsonObject();
            r.addProperty("label", planned.label());
            JsonArray models = new JsonArray();
            planned.models().forEach(models::add);
            r.add("models", models);
            r.add("body", RequestBody.body(planned.request()));
            requests.add(r);
        }
        e.add("requests", requests);
        return e;
    }
}
