package dev.arena.output;

import dev.arena.leaderboard.LeaderboardTable;
import dev.arena.leaderboard.ModelRow;

import java.util.ArrayList;
import java.util.List;

/** A leaderboard as a plain-text table, for a terminal or a pipe: a title, the table, then any warnings. */
public final class LeaderboardText {

    private LeaderboardText() {
    }

    public static List<String> lines(LeaderboardTable table) {
        TextTable text = new TextTable(LeaderboardCells.HEADER).leftAligned(2);
        for (ModelRow row : table.models()) {
            text.row(LeaderboardCells.of(row));
        }
        List<String> lines = new ArrayList<>();
        lines.add("Leaderboard: " + table.name());
        lines.addAll(text.lines());
        if (!table.warnings().isEmpty()) {
            lines.add("");
            table.warnings().forEach(w -> lines.add("warning: " + w));
        }
        return lines;
    }
}
