package dev.arena.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns: the first column left-aligned (or the first few, see
 * {@link #leftAligned}), the others right-aligned.
 */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private int leftColumns = 1;

    public TextTable(String... header) {
        rows.add(header);
    }

    public TextTable row(String... cells) {
        if (cells.length != rows.get(0).length) {
            throw new IllegalArgumentException("expected " + rows.get(0).length + " cells, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    /** Left-aligns the first {@code columns} columns: names after a rank, say. */
    public TextTable leftAligned(int columns) {
        this.leftColumns = columns;
        return this;
    }

    /** The rendered lines, the header first; columns separated by two spaces. */
    public List<String> lines() {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].codePointCount(0, row[c].length()));
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String pad = " ".repeat(widths[c] - row[c].codePointCount(0, row[c].length()));
                line.append(c == 0 ? "" : "  ").append(c < leftColumns ? row[c] + pad : pad + row[c]);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
