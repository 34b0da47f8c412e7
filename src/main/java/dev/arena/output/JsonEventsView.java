package dev.arena.output;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.arena.openrouter.ApiException;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.Answer;

import java.time.Duration;
import java.util.List;

/**
 * {@code --json}: one JSON object per line on stdout, flushed as it happens, for
 * programs. Events: start, delta, reasoning, retry, wait, fallback, usage, end, error.
 * The human sentence for an error still goes to stderr as well. Written through {@link JsonLines}.
 */
public final class JsonEventsView implements AnswerView {

    private final TextSink out;
    private final TextSink err;
    private final JsonLines lines;

    /** {@code terminal}: stdout is a terminal, so controls a terminal acts on are escaped. */
    public JsonEventsView(TextSink out, TextSink err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.lines = new JsonLines(out, terminal);
    }

    @Override
    public void begin(List<String> models) {
        JsonObject e = event("start");
        e.addProperty("model", models.get(0));
        JsonArray fallbacks = new JsonArray();
        models.subList(1, models.size()).forEach(fallbacks::add);
        e.add("fallbacks", fallbacks);
        lines.emit(e);
    }

    @Override
    public void onAttempt(String model, boolean continuing) {
    }

    @Override
    public void onContent(String text) {
        JsonObject e = event("delta");
        e.addProperty("content", text);
        lines.write(e);
    }

    @Override
    public void onReasoning(String text) {
        JsonObject e = event("reasoning");
        e.addProperty("content", text);
        lines.write(e);
    }

    /** Deltas of one network read are flushed together; every other event at once. */
    @Override
    public void onReadDone() {
        out.flush();
    }

    @Override
    public void onRetry(ApiException failure, Duration delay, int retry, int maxRetries) {
        JsonObject e = failureEvent("retry", failure);
        e.addProperty("retry", retry);
        e.addProperty("max_retries", maxRetries);
        e.addProperty("delay_ms", delay.toMillis());
        lines.emit(e);
    }

    @Override
    public void onFallback(ApiException failure, String nextModel, boolean continuing) {
        JsonObject e = failureEvent("fallback", failure);
        e.addProperty("to", nextModel);
        e.addProperty("continuing", continuing);
        lines.emit(e);
    }

    @Override
    public void onWait(String model, Duration wait, String reason) {
        JsonObject e = event("wait");
        e.addProperty("model", model);
        e.addProperty("wait_ms", wait.toMillis());
        e.addProperty("reason", reason);
        lines.emit(e);
    }

    @Override
    public void finish(Answer answer) {
        Usage usage = answer.completion().usage();
        JsonObject u = event("usage");
        // A server that reports no usage gets nulls, not zeros that would read as "free"; so does an invalid one.
        boolean reported = !usage.isNone() && !usage.invalid();
        u.addProperty("prompt_tokens", reported ? usage.promptTokens() : null);
        u.addProperty("completion_tokens", reported ? usage.completionTokens() : null);
        u.addProperty("total_tokens", reported ? usage.totalTokens() : null);
        u.add("cost", JsonLines.decimal(usage.cost()));
        if (usage.invalid()) {
            u.addProperty("invalid", true); // the server's numbers could not be right: all null
        }
        if (usage.costEstimated()) {
            u.addProperty("cost_estimated", true); // computed from the catalogue's prices, not reported by the server
        }
        lines.emit(u);
        JsonObject end = event("end");
        end.addProperty("model", answer.answeringModel());
        end.addProperty("finish_reason", answer.completion().finishReason());
        end.addProperty("generation_id", answer.completion().generationId());
        end.addProperty("elapsed_ms", answer.elapsed().toMillis());
        lines.emit(end);
    }

    @Override
    public void fail(String sentence, int exitCode) {
        error(sentence, exitCode);
        err.write("arena: " + sentence + "\n").flush();
    }

    /** The {@code error} event alone, for a failure whose sentence is on stderr already (one before the answer began). */
    public void error(String sentence, int exitCode) {
        JsonObject e = event("error");
        e.addProperty("message", sentence);
        e.addProperty("exit_code", exitCode);
        lines.emit(e);
    }

    private static JsonObject failureEvent(String type, ApiException failure) {
        JsonObject e = event(type);
        e.addProperty("model", failure.model());
        e.addProperty("error", failure.getMessage());
        if (failure instanceof HttpStatusException status) {
            e.addProperty("status", status.status());
        }
        return e;
    }

    private static JsonObject event(String type) {
        JsonObject e = new JsonObject();
        e.addProperty("type", type);
        return e;
    }
}
