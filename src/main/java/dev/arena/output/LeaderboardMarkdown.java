package dev.arena.output;

import dev.arena.leaderboard.LeaderboardTable;
import dev.arena.leaderboard.ModelRow;

/** A leaderboard as a Markdown document: a heading, a table (GitHub's syntax), then any warnings as a list. */
public final class LeaderboardMarkdown {

    private LeaderboardMarkdown() {
    }

    public static String of(LeaderboardTable table) {
        StringBuilder md = new StringBuilder("# Leaderboard: ").append(table.name()).append("\n\n");
        row(md, LeaderboardCells.HEADER);
        md.append('|');
        for (int c = 0; c < LeaderboardCells.HEADER.length; c++) {
            // Rank and model read left to right; numbers line up on the right.
            md.append(c < 2 ? " :--- |" : " ---: |");
        }
        md.append('\n');
        for (ModelRow row : table.models()) {
            row(md, LeaderboardCells.of(row));
        }
        if (!table.warnings().isEmpty()) {
            md.append('\n');
            table.warnings().forEach(w -> md.append("- **Warning:** ").append(cell(w)).append('\n'));
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String[] cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(cell(cell)).append(" |");
        }
        md.append('\n');
    }

    /** A model id may hold any character; a backslash or a pipe would end the cell or escape what follows. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|");
    }
}
