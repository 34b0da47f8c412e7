package dev.arena.fake;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the fake received it, so tests can check what the client really sent.
 *
 * @param headers header names in lower case (HTTP names are case-insensitive, tests should not care
 *     how the client spelled them); repeated headers are joined with ", "
 * @param body the body decoded as UTF-8, after undoing any chunked transfer encoding
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, String body) {

    public RecordedRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The body parsed as a JSON object; throws if the client did not send one. */
    public JsonObject json() {
        return JsonParser.parseString(body).getAsJsonObject();
    }

    /** The value of a header, whatever case the name is given in; null if absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
