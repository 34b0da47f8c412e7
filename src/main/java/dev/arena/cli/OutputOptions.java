package dev.arena.cli;

import dev.arena.output.AnswerView;
import dev.arena.output.JsonEventsView;
import dev.arena.output.PlainView;
import dev.arena.output.TextSink;
import dev.arena.terminal.RichView;
import dev.arena.terminal.Terminals;
import picocli.CommandLine.Option;

/** How answers are shown: rich on a terminal, plain on a pipe, or JSON events. */
final class OutputOptions {

    @Option(names = "--json", description = "Write JSON Lines events (start, delta, fallback, usage, end, error) to stdout.")
    boolean json;

    @Option(names = "--no-color", description = "No colours (also when $NO_COLOR is set).")
    boolean noColor;

    @Option(names = {"-q", "--quiet"}, description = "On a pipe, no notices or usage line on stderr; errors still show.")
    boolean quiet;

    AnswerView view(Stdio io, TextSink out, TextSink err) {
        if (json) {
            return new JsonEventsView(out, err);
        }
        if (io.stdoutIsTerminal()) {
            String noColorEnv = io.env().get("NO_COLOR");
            boolean color = !noColor && (noColorEnv == null || noColorEnv.isEmpty());
            return new RichView(Terminals.openStdout(), err, color);
        }
        return new PlainView(out, err, quiet);
    }
}
