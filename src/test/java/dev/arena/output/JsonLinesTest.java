package dev.arena.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    private static String text(Double value) {
        JsonObject o = new JsonObject();
        o.add("cost", JsonLines.decimal(value));
        return o.toString();
    }

    @Test
    void aDecimalIsWrittenPlainWithoutRoundingNoiseAndReadsBackAsTheSameNumber() {
        assertEquals("{\"cost\":0.00003}", text(3.0E-5));
        assertEquals("{\"cost\":0.00000015}", text(1.5E-7));
        assertEquals("{\"cost\":0.0003}", text(0.0001 + 0.0002), "the sum's last-digit noise is gone");
        assertEquals("{\"cost\":100}", text(100.0));
        assertEquals("{\"cost\":0}", text(0.0));
        assertEquals("{\"cost\":null}", text(null));
        assertEquals(1.5E-7, JsonParser.parseString(text(1.5E-7)).getAsJsonObject().get("cost").getAsDouble());
    }

    @Test
    void writeBuffersALineAndEmitFlushesIt() {
        TextSinkTest.Recording stream = new TextSinkTest.Recording();
        JsonLines lines = new JsonLines(new TextSink(stream), false);
        JsonObject event = new JsonObject();
        event.addProperty("event", "x");

        lines.write(event);
        assertEquals(0, stream.size());
        lines.emit(event);

        assertEquals("{\"event\":\"x\"}\n{\"event\":\"x\"}\n", stream.toString(StandardCharsets.UTF_8));
        assertEquals(1, stream.flushes);
    }

    @Test
    void onATerminalTheControlsItWouldActOnAreEscaped() {
        TextSinkTest.Recording stream = new TextSinkTest.Recording();
        JsonObject event = new JsonObject();
        event.addProperty("motion", "a\u009b31mb\u202e");

        new JsonLines(new TextSink(stream), true).emit(event);

        String line = stream.toString(StandardCharsets.UTF_8);
        assertTrue(line.contains("a\\u009b31mb\\u202e"), line);
        assertEquals("a\u009b31mb\u202e", JsonParser.parseString(line).getAsJsonObject().get("motion").getAsString());
    }
}
