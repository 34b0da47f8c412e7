package dev.arena.terminal;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Opens the JLine terminal on stdout; only called when stdout is a terminal, so pipes never load JLine. */
public final class Terminals {

    private Terminals() {
    }

    public static Terminal openStdout() {
        try {
            return TerminalBuilder.builder()
                    .system(true)
                    // The default picks stdout or stderr, whichever is a terminal; we only draw on stdout.
                    .systemOutput(TerminalBuilder.SystemOutput.SysOut)
                    // Fall back silently instead of logging a warning when no terminal can be made.
                    .dumb(true)
                    // Ctrl-C is arena's to handle (cancel the stream), not JLine's.
                    .nativeSignals(false)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    /**
     * The terminal for interactive chat, on stdin and stdout. Unlike {@link #openStdout()},
     * it turns the process's SIGINT into {@link Terminal.Signal#INT} for whatever handler is
     * installed with {@code terminal.handle}: the line reader's (Ctrl-C clears the line) or
     * the chat's (Ctrl-C cuts the answer that streams).
     */
    public static Terminal openInteractive() {
        try {
            return TerminalBuilder.builder()
                    .system(true)
                    .systemOutput(TerminalBuilder.SystemOutput.SysOut)
                    .dumb(true)
                    .nativeSignals(true)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }
}
