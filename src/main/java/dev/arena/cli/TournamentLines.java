package dev.arena.cli;

import dev.arena.output.TextSink;
import dev.arena.text.TerminalSanitizer;
import dev.arena.tournament.DebateEnd;
import dev.arena.tournament.DebateState;
import dev.arena.tournament.TournamentListener;
import dev.arena.tournament.TournamentSpec;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A tournament on a pipe: one line per finished debate, for a log file or {@code grep}. Debates
 * end on many threads; each line is written whole.
 */
final class TournamentLines implements TournamentListener {

    private final TextSink out;
    private int total;
    private int ended;

    TournamentLines(TextSink out) {
        this.out = out;
    }

    @Override
    public synchronized void started(TournamentSpec spec, int total, int done) {
        this.total = total;
        this.ended = done;
    }

    @Override
    public synchronized void debateEnded(DebateEnd end) {
        if (end.state() == DebateState.COMPLETE) {
            ended++;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%d/%d] %s (pro) vs %s (con) on \"%s\": ",
                ended, total, oneLine(end.leg().pro()), oneLine(end.leg().con()), oneLine(end.motion())));
        if (end.state() == DebateState.COMPLETE) {
            line.append(end.winner().name().toLowerCase(Locale.ROOT)).append(end.winner().name().equals("TIE") ? "" : " won");
            if (end.votes().size() > 1) {
                line.append(" (").append(end.votes().entrySet().stream()
                        .map(v -> v.getKey() + " " + v.getValue().name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "))).append(')');
            }
            if (end.fallbackSpoke()) {
                line.append("; a fallback spoke, so it is not rated");
            }
        } else {
            line.append(end.state().id()).append(end.error() == null ? "" : ": " + oneLine(end.error()));
        }
        if (end.cost() != null) {
            line.append(String.format(Locale.ROOT, "; $%.4f", end.cost()));
        }
        out.write(line.append('\n').toString()).flush();
    }

    /**
     * Text from the user or a server as part of one line: no escape sequences or control
     * characters (a motion or a server's error could carry them), and no line breaks.
     */
    private static String oneLine(String text) {
        return TerminalSanitizer.strip(text.replaceAll("\\s*\\R\\s*", " "));
    }
}
