package dev.arena.cli;

import dev.arena.debate.DebateListener;
import dev.arena.output.AnswerView;
import dev.arena.output.JsonEventsView;
import dev.arena.output.PlainView;
import dev.arena.output.StderrDebateNotices;
import dev.arena.output.TextSink;
import dev.arena.terminal.RichDebateView;
import dev.arena.terminal.RichView;
import dev.arena.transcript.JsonLinesDebateWriter;
import dev.arena.transcript.MarkdownDebateWriter;
import dev.arena.terminal.Terminals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.List;

/** How answers are shown: rich on a terminal, plain on a pipe, or JSON events. */
// No subcommands to find among this mixin's methods: picocli looks for them by reflection otherwise.
@Command(addMethodSubcommands = false)
final class OutputOptions {

    @Option(names = "--json", description = "Write JSON Lines events to stdout instead of text.")
    boolean json;

    @Mixin
    NoticeOptions notices = new NoticeOptions();

    @Option(names = "--raw", description = "On a terminal, show the model's Markdown as it came, unstyled (still wrapped at words).")
    boolean raw;

    AnswerView view(Stdio io, TextSink out, TextSink err) {
        if (json) {
            return new JsonEventsView(out, err, io.stdoutIsTerminal());
        }
        if (io.stdoutIsTerminal()) {
            return new RichView(Terminals.openStdout(), err, color(io), !raw);
        }
        return new PlainView(out, err, quiet());
    }

    /**
     * The listeners that show a debate: JSON events (retries, waits and fallbacks among them),
     * the terminal view, or Markdown on a pipe, whose notices go to stderr unless --quiet.
     * {@code live} is a debate being run, not replayed: its runner says on stderr why it
     * stopped, if it did.
     */
    List<DebateListener> debateViews(Stdio io, TextSink out, TextSink err, boolean live) {
        if (json) {
            return List.of(JsonLinesDebateWriter.live(out, Clock.systemUTC(), io.stdoutIsTerminal()));
        }
        if (io.stdoutIsTerminal()) {
            return List.of(new RichDebateView(Terminals.openStdout(), color(io), !raw, live));
        }
        DebateListener view = new MarkdownDebateWriter(out);
        return quietOn(io) ? List.of(view) : List.of(view, new StderrDebateNotices(err));
    }

    boolean quiet() {
        return notices.quiet;
    }

    /** --quiet holds back notices on a pipe only: on a terminal they are part of the view. */
    boolean quietOn(Stdio io) {
        return quiet() && !io.stdoutIsTerminal();
    }

    boolean color(Stdio io) {
        return notices.color(io);
    }

    /** A chat's failure as the answer stream's {@code error} event (for --json); its sentence is on stderr already. */
    static void answerErrorEvent(Stdio io, String sentence, int exitCode) {
        new JsonEventsView(TextSink.stdout(io.out()), TextSink.stderr(io.err()), io.stdoutIsTerminal())
                .error(sentence, exitCode);
    }

    /** A debate's failure as the debate stream's {@code error} event (for --json); its sentence is on stderr already. */
    static void debateErrorEvent(Stdio io, String sentence, int exitCode) {
        new JsonLinesDebateWriter(TextSink.stdout(io.out()), Clock.systemUTC(), io.stdoutIsTerminal())
                .error(sentence, exitCode);
    }
}
