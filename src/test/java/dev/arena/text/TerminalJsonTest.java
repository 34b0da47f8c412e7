package dev.arena.text;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TerminalJsonTest {

    @Test
    void c1AndBidiControlsBecomeEscapesAndTheJsonReadsTheSame() {
        String text = "a\u009b31mb\u0085c\u202ed\u2066e\u2069f\u200eg\u200fh\u061ci\u001b[2J";
        JsonObject o = new JsonObject();
        o.addProperty("content", text);
        String escaped = TerminalJson.escape(o.toString());
        assertEquals("{\"content\":\"a\\u009b31mb\\u0085c\\u202ed\\u2066e\\u2069f\\u200eg\\u200fh\\u061ci\\u001b[2J\"}", escaped);
        assertEquals(text, JsonParser.parseString(escaped).getAsJsonObject().get("content").getAsString());
    }

    @Test
    void jsonWithoutThemIsTheSameInstance() {
        String json = "{\"content\":\"héllo 日本 👍\"}";
        assertSame(json, TerminalJson.escape(json));
    }
}
