package dev.arena.repl;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.arena.output.JsonLines;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat session as a file: JSON (everything, for arena to read back) or Markdown (for
 * people, with the same data in HTML comments so that arena can read it back too).
 */
public final class SessionFormat {

    static final String FORMAT = "arena-chat";
    static final String CUT_MARK = "[answer cut]";
    /**
     * The version this arena writes. A file of a higher version is refused: rewriting it as
     * this version would drop whatever the newer arena added.
     */
    static final int VERSION = 1;

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    /** HTML escaping on: "-->" in a setting becomes "--\u003e" and cannot end the comment early. */
    private static final Gson ONE_LINE = new Gson();
    private static final Pattern SETTINGS = Pattern.compile("^<!-- arena-chat (\\{.*}) -->$");
    private static final Pattern MESSAGE = Pattern.compile("^<!-- arena:(user|assistant)(?: (\\{.*}))? -->$");

    private SessionFormat() {
    }

    // ---- JSON ----

    public static String toJson(ChatSession session) {
        JsonObject root = settings(session);
        JsonArray messages = new JsonArray();
        for (ChatSession.Entry e : session.entries()) {
            JsonObject m = new JsonObject();
            m.addProperty("role", e.role());
            m.addProperty("content", e.content());
            if (e.model() != null) {
                m.addProperty("model", e.model());
            }
            if (e.cut()) {
                m.addProperty("cut", true);
            }
            messages.add(m);
        }
        root.add("messages", messages);
        return PRETTY.toJson(root) + "\n";
    }

    public static ChatSession fromJson(String text) {
        try {
            JsonObject root = JsonParser.parseString(text).getAsJsonObject();
            ChatSession session = fromSettings(root);
            JsonArray messages = root.has("messages") ? root.getAsJsonArray("messages") : new JsonArray();
            for (JsonElement element : messages) {
                JsonObject m = element.getAsJsonObject();
                String role = m.get("role").getAsString();
                if (!role.equals("user") && !role.equals("assistant")) {
                    throw new IllegalArgumentException("a message has the role '" + role + "'; expected user or assistant");
                }
                session.add(new ChatSession.Entry(role, m.get("content").getAsString(), string(m, "model"),
                        m.has("cut") && m.get("cut").getAsBoolean()));
            }
            return session;
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            // Gson's text names its exception class and links to its troubleshooting page.
            throw new IllegalArgumentException("not a session saved by /save (it is not valid session JSON);"
                    + " load a .json or .md file that /save wrote", e);
        }
    }

    // ---- Markdown ----

    public static String toMarkdown(ChatSession session) {
        StringBuilder md = new StringBuilder("# arena chat\n\n");
        md.append("<!-- arena-chat ").append(ONE_LINE.toJson(settings(session))).append(" -->\n\n");
        md.append("- model: `").append(session.model()).append("`\n");
        if (!session.fallbacks().isEmpty()) {
            md.append("- fallbacks: `").append(String.join(",", session.fallbacks())).append("`\n");
        }
        if (session.temperature() != null) {
            md.append("- temperature: ").append(session.temperature()).append('\n');
        }
        if (session.system() != null) {
            md.append("- system prompt:\n\n").append(quote(session.system())).append('\n');
        }
        for (ChatSession.Entry e : session.entries()) {
            md.append('\n');
            if (e.isUser()) {
                md.append("<!-- arena:user -->\n## You\n\n");
            } else {
                JsonObject meta = new JsonObject();
                meta.addProperty("model", e.model());
                meta.addProperty("cut", e.cut());
                md.append("<!-- arena:assistant ").append(ONE_LINE.toJson(meta)).append(" -->\n")
                        .append("## ").append(e.model() == null ? "Assistant" : e.model()).append("\n\n");
            }
            md.append(e.content()).append('\n');
            if (e.cut()) {
                md.append("\n*").append(CUT_MARK).append("*\n");
            }
        }
        return md.toString();
    }

    /** Reads back what {@link #toMarkdown} wrote (messages are found by their comment markers). */
    public static ChatSession fromMarkdown(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        ChatSession session = null;
        String role = null;
        JsonObject meta = null;
        List<String> body = new ArrayList<>();
        for (String line : lines) {
            Matcher settings = SETTINGS.matcher(line);
            Matcher message = MESSAGE.matcher(line);
            if (session == null && settings.matches()) {
                session = fromSettings(JsonParser.parseString(settings.group(1)).getAsJsonObject());
            } else if (message.matches()) {
                if (session == null) {
                    throw new IllegalArgumentException("not a Markdown file saved by arena chat (no settings line)");
                }
                addMarkdownEntry(session, role, meta, body);
                role = message.group(1);
                meta = message.group(2) == null ? new JsonObject() : JsonParser.parseString(message.group(2)).getAsJsonObject();
                body.clear();
            } else if (role != null) {
                body.add(line);
            }
        }
        if (session == null) {
            throw new IllegalArgumentException("not a Markdown file saved by arena chat (no settings line)");
        }
        addMarkdownEntry(session, role, meta, body);
        return session;
    }

    private static void addMarkdownEntry(ChatSession session, String role, JsonObject meta, List<String> body) {
        if (role == null) {
            return;
        }
        // The heading and the blank line after it, then the text; a cut answer ends with its mark.
        List<String> text = new ArrayList<>(body.subList(Math.min(2, body.size()), body.size()));
        boolean cut = meta.has("cut") && meta.get("cut").getAsBoolean();
        while (!text.isEmpty() && text.get(text.size() - 1).isEmpty()) {
            text.remove(text.size() - 1);
        }
        if (cut && !text.isEmpty() && text.get(text.size() - 1).equals("*" + CUT_MARK + "*")) {
            text.remove(text.size() - 1);
            if (!text.isEmpty() && text.get(text.size() - 1).isEmpty()) {
                text.remove(text.size() - 1);
            }
        }
        session.add(new ChatSession.Entry(role, String.join("\n", text), string(meta, "model"), cut));
    }

    // ---- shared ----

    private static JsonObject settings(ChatSession session) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("version", VERSION);
        root.addProperty("model", session.model());
        JsonArray fallbacks = new JsonArray();
        session.fallbacks().forEach(fallbacks::add);
        root.add("fallbacks", fallbacks);
        root.addProperty("system", session.system());
        root.addProperty("temperature", session.temperature());
        root.addProperty("max_tokens", session.maxTokens());
        root.addProperty("seed", session.seed());
        JsonObject usage = new JsonObject();
        usage.addProperty("answers", session.answers());
        usage.addProperty("prompt_tokens", session.promptTokens());
        usage.addProperty("completion_tokens", session.completionTokens());
        usage.add("cost", JsonLines.decimal(session.cost()));
        root.add("usage", usage);
        return root;
    }

    private static ChatSession fromSettings(JsonObject root) {
        if (!FORMAT.equals(string(root, "format"))) {
            throw new IllegalArgumentException("not an arena chat session (no \"format\": \"" + FORMAT + "\")");
        }
        if (present(root, "version") && !(root.get("version").isJsonPrimitive()
                && root.getAsJsonPrimitive("version").isNumber())) {
            throw new IllegalArgumentException("not an arena chat session (its version is not a number)");
        }
        if (present(root, "version") && !(root.get("version").getAsDouble() <= VERSION)) {
            throw new IllegalArgumentException("written by a newer arena (session format version "
                    + root.get("version").getAsString() + "; this one reads up to " + VERSION
                    + "); open it with that arena, or upgrade this one");
        }
        ChatSession session = new ChatSession(root.get("model").getAsString());
        List<String> fallbacks = new ArrayList<>();
        if (root.has("fallbacks") && root.get("fallbacks").isJsonArray()) {
            root.getAsJsonArray("fallbacks").forEach(f -> fallbacks.add(f.getAsString()));
        }
        session.setFallbacks(fallbacks);
        session.setSystem(string(root, "system"));
        session.setTemperature(present(root, "temperature") ? root.get("temperature").getAsDouble() : null);
        JsonElement maxTokens = either(root, "max_tokens", "maxTokens");
        session.setMaxTokens(maxTokens != null ? maxTokens.getAsInt() : null);
        session.setSeed(present(root, "seed") ? root.get("seed").getAsLong() : null);
        if (root.has("usage") && root.get("usage").isJsonObject()) {
            JsonObject u = root.getAsJsonObject("usage");
            JsonElement prompt = either(u, "prompt_tokens", "promptTokens");
            JsonElement completion = either(u, "completion_tokens", "completionTokens");
            session.restoreUsage(present(u, "answers") ? u.get("answers").getAsInt() : 0,
                    prompt != null ? prompt.getAsLong() : 0,
                    completion != null ? completion.getAsLong() : 0,
                    present(u, "cost") ? u.get("cost").getAsDouble() : null);
        }
        return session;
    }

    /**
     * The value under {@code key}, else under the camelCase name that sessions saved before
     * arena named every field in snake_case used for it, else null.
     */
    private static JsonElement either(JsonObject o, String key, String oldKey) {
        return present(o, key) ? o.get(key) : present(o, oldKey) ? o.get(oldKey) : null;
    }

    private static boolean present(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull();
    }

    private static String string(JsonObject o, String key) {
        return present(o, key) ? o.get(key).getAsString() : null;
    }

    private static String quote(String text) {
        return "> " + text.replace("\n", "\n> ") + "\n";
    }
}
