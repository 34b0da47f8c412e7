package dev.arena.output;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.arena.text.TerminalJson;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * JSON Lines for programs: one object per line, under every stream of events arena writes
 * (answers, transcripts, tournaments); and the one rule for a number of money in any JSON arena
 * writes ({@link #decimal}). On a terminal the events are read by a person as much as
 * a program, so the C1 and bidi controls that Gson leaves as they are are written as escapes
 * too ({@link TerminalJson}). Not thread-safe: a writer called from many threads holds its own lock.
 */
public final class JsonLines {

    /**
     * Significant digits of a {@link #decimal}: a double holds about 16, and a sum of costs
     * gathers rounding noise in the last few ({@code 0.0001 + 0.0002} is {@code 3.0000000000000003E-4}).
     */
    private static final MathContext DIGITS = new MathContext(12);

    private final TextSink out;
    private final boolean terminal;

    /** {@code terminal}: {@code out} is a terminal, so controls a terminal acts on are escaped. */
    public JsonLines(TextSink out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Writes one line and leaves it buffered, for events that are flushed together. */
    public void write(JsonObject event) {
        String json = event.toString();
        out.write(terminal ? TerminalJson.escape(json) : json).write("\n");
    }

    /** Writes one line and flushes it, so a reader has it at once. */
    public void emit(JsonObject event) {
        write(event);
        out.flush();
    }

    /**
     * A number as a plain decimal ({@code 0.00003}, never Gson's {@code 3.0E-5}, which some
     * readers of money take for text), or null. Gson writes a {@link BigDecimal} with its
     * {@code toString}, which turns to an exponent below 1e-6, so the value is wrapped in a
     * number whose text is the plain one.
     */
    public static JsonElement decimal(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return JsonNull.INSTANCE;
        }
        return decimal(BigDecimal.valueOf(value).round(DIGITS).stripTrailingZeros());
    }

    /** A decimal as it is, scale and all ({@code 0.000030}), written plainly; or null. */
    public static JsonElement decimal(BigDecimal value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(new PlainDecimal(value));
    }

    /** A decimal that Gson writes as {@link BigDecimal#toPlainString}. */
    private static final class PlainDecimal extends Number {

        private final BigDecimal value;

        PlainDecimal(BigDecimal value) {
            this.value = value;
        }

        @Override
        public int intValue() {
            return value.intValue();
        }

        @Override
        public long longValue() {
            return value.longValue();
        }

        @Override
        public float floatValue() {
            return value.floatValue();
        }

        @Override
        public double doubleValue() {
            return value.doubleValue();
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }
}
