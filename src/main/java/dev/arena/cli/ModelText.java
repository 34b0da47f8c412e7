package dev.arena.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import dev.arena.catalog.ModelInfo;
import dev.arena.text.TerminalJson;
import dev.arena.text.TerminalSanitizer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How {@code arena models} writes models: a table for terminals, tab-separated rows for
 * pipes. Names and descriptions come from the server, so they are stripped of escape
 * sequences and collapsed to one line before they are shown.
 */
final class ModelText {

    private static final String[] HEADER = {"ID", "NAME", "CONTEXT", "PROMPT/M", "COMPLETION/M"};
    private static final int MIN_NAME = 8;

    private ModelText() {
    }

    private static final Gson JSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    /**
     * {@code --json} of {@code models} and {@code models show}: pretty, without Gson's HTML
     * escaping (which writes {@code ==} as {@code \u003d\u003d}), and on a terminal with C1 and
     * bidi controls escaped too, as every {@code --json} of arena does there.
     */
    static String json(JsonElement models, boolean terminal) {
        String text = JSON.toJson(models);
        return (terminal ? TerminalJson.escape(text) : text) + "\n";
    }

    /** Server text fit for one line: no control sequences, no tabs or newlines. */
    static String line(String serverText) {
        return serverText == null ? "" : TerminalSanitizer.strip(serverText).strip().replaceAll("\\s+", " ");
    }

    /** {@code $0.15}, {@code $15.00}, {@code $0.0375}, {@code free} for zero, {@code -} unknown. */
    static String price(BigDecimal perMillion) {
        if (perMillion == null) {
            return "-";
        }
        if (perMillion.signum() == 0) {
            return "free";
        }
        BigDecimal p = perMillion.stripTrailingZeros();
        int scale = Math.min(6, Math.max(2, p.scale()));
        return "$" + p.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** A price per million as a plain number for scripts: {@code 0.15}, {@code 0}, {@code -} unknown. */
    static String plainPrice(BigDecimal perMillion) {
        return perMillion == null ? "-" : perMillion.stripTrailingZeros().toPlainString();
    }

    static String context(Integer tokens) {
        return tokens == null ? "-" : String.format(Locale.ROOT, "%,d", tokens);
    }

    /** id, name, context, prompt and completion USD per million tokens, tab-separated. */
    static String tsv(ModelInfo m) {
        return String.join("\t", line(m.id()), line(m.displayName()),
                m.contextLength() == null ? "-" : m.contextLength().toString(),
                plainPrice(m.pricing().promptPerMillion()), plainPrice(m.pricing().completionPerMillion()));
    }

    /**
     * An aligned table at most {@code width} columns wide: the name column is cut (with an
     * ellipsis) to fit, and left out when even a short one does not fit.
     */
    static List<String> table(List<ModelInfo> models, int width) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ModelInfo m : models) {
            rows.add(new String[] {line(m.id()), line(m.displayName()), context(m.contextLength()),
                price(m.pricing().promptPerMillion()), price(m.pricing().completionPerMillion())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], length(row[c]));
            }
        }
        int others = widths[0] + widths[2] + widths[3] + widths[4] + 2 * 4;
        int nameWidth = Math.min(widths[1], width - others);
        boolean withName = nameWidth >= MIN_NAME;
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(pad(row[0], widths[0]));
            if (withName) {
                line.append("  ").append(pad(cut(row[1], nameWidth), nameWidth));
            }
            for (int c = 2; c < row.length; c++) {
                line.append("  ").append(" ".repeat(widths[c] - length(row[c]))).append(row[c]);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String cut(String text, int width) {
        if (length(text) <= width) {
            return text;
        }
        int end = text.offsetByCodePoints(0, width - 1);
        return text.substring(0, end) + "…";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - length(text)));
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
