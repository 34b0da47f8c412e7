package dev.arena.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.arena.output.JsonLines;
import dev.arena.output.Notices;
import dev.arena.store.LogEntry;
import dev.arena.store.StoreTime;
import dev.arena.text.TerminalJson;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code arena logs} writes its entries: aligned columns with the title cut to the width on
 * a terminal, tab-separated fields on a pipe, or JSON Lines. Titles, snippets and model names
 * come from users and models, so the text forms go through {@link ModelText#line}: no escape
 * sequences, one line each.
 */
final class LogEntryText {

    static final String[] HEADER = {"ID", "TIME", "KIND", "MODELS", "REQ", "COST", "TITLE"};

    /** A title is never cut to less than this, however narrow the terminal: past it, the line wraps. */
    static final int MIN_TITLE = 10;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final Gson JSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private LogEntryText() {
    }

    /** The columns before the title, in the local time zone. */
    static String[] cells(LogEntry e, ZoneId zone) {
        return new String[] {e.id(), TIME.format(e.updatedAt().atZone(zone)), e.kind(), models(e),
            Integer.toString(e.requests()), cost(e)};
    }

    /** A chat's model, or a debate's "pro vs con"; "-" before any request. */
    static String models(LogEntry e) {
        return e.models().isEmpty() ? "-" : ModelText.line(String.join(" vs ", e.models()));
    }

    /** The sum of the costs: "n/a" when no request has one, "~" before it when any was estimated. */
    static String cost(LogEntry e) {
        return e.costUsd() == null ? Notices.UNKNOWN_COST : (e.costEstimated() ? "~" : "") + Notices.cost(e.costUsd());
    }

    /** A pipe's line: the columns, the title and, for a search, the snippet, separated by tabs. */
    static String tsv(LogEntry e, ZoneId zone) {
        List<String> fields = new ArrayList<>(List.of(cells(e, zone)));
        fields.add(ModelText.line(e.title()));
        if (e.snippet() != null) {
            fields.add(ModelText.line(e.snippet()));
        }
        return String.join("\t", fields);
    }

    /**
     * A terminal's lines: a header, then each entry, its columns aligned and its title cut to
     * {@code width}; a search's snippet on an indented line below its entry.
     */
    static List<String> table(List<LogEntry> entries, ZoneId zone, int width) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        entries.forEach(e -> rows.add(cells(e, zone)));
        int columns = HEADER.length - 1;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], length(row[c]));
            }
        }
        int before = columns * 2;
        for (int w : widths) {
            before += w;
        }
        int titleWidth = Math.max(MIN_TITLE, width - before);
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                // Counts and costs read best right-aligned, the rest left-aligned.
                String pad = " ".repeat(widths[c] - length(row[c]));
                line.append(c == 4 || c == 5 ? pad + row[c] : row[c] + pad).append("  ");
            }
            LogEntry entry = r == 0 ? null : entries.get(r - 1);
            line.append(cut(entry == null ? HEADER[columns] : ModelText.line(entry.title()), titleWidth));
            lines.add(line.toString().stripTrailing());
            if (entry != null && entry.snippet() != null) {
                lines.add(cut("    " + ModelText.line(entry.snippet()), Math.max(MIN_TITLE, width)));
            }
        }
        return lines;
    }

    /** One JSON object on one line, with the keys the README documents. */
    static String json(LogEntry e, boolean terminal) {
        JsonObject o = new JsonObject();
        o.addProperty("id", e.id());
        o.addProperty("kind", e.kind());
        o.addProperty("title", e.title());
        o.addProperty("name", e.name());
        o.addProperty("created_at", StoreTime.format(e.createdAt()));
        o.addProperty("updated_at", StoreTime.format(e.updatedAt()));
        JsonArray models = new JsonArray();
        e.models().forEach(models::add);
        o.add("models", models);
        o.addProperty("requests", e.requests());
        o.add("cost_usd", JsonLines.decimal(e.costUsd()));
        o.addProperty("cost_estimated", e.costEstimated());
        if (e.rank() != null) {
            o.addProperty("snippet", e.snippet());
            o.addProperty("rank", e.rank());
        }
        String text = JSON.toJson(o);
        return terminal ? TerminalJson.escape(text) : text;
    }

    /** {@code text} in at most {@code width} code points, ending in "…" when cut, never splitting a surrogate pair. */
    static String cut(String text, int width) {
        if (length(text) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
