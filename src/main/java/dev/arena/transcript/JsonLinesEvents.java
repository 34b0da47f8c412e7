package dev.arena.transcript;

import com.google.gson.JsonObject;
import dev.arena.output.JsonLines;
import dev.arena.output.TextSink;
import dev.arena.text.TerminalJson;

import java.time.Clock;
import java.time.Instant;

/**
 * The JSON Lines stream under both transcript writers (debates and chats): every event an
 * object with {@code type} and {@code time}, one per line, flushed at once.
 */
final class JsonLinesEvents {

    private final JsonLines lines;
    private final Clock clock;

    /**
     * {@code clock} stamps events that carry no time of their own; {@code terminal}: {@code out}
     * is a terminal, so C1 and bidi controls are escaped too ({@link TerminalJson}).
     */
    JsonLinesEvents(TextSink out, Clock clock, boolean terminal) {
        this.lines = new JsonLines(out, terminal);
        this.clock = clock;
    }

    /** A new event of {@code type} at {@code at}, or now when it has no time of its own. */
    JsonObject event(String type, Instant at) {
        JsonObject e = new JsonObject();
        e.addProperty("type", type);
        e.addProperty("time", (at == null ? clock.instant() : at).toString());
        return e;
    }

    void emit(JsonObject event) {
        lines.emit(event);
    }
}
