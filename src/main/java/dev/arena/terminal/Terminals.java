package dev.arena.terminal;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Opens JLine terminals, only when the stream is a terminal, so pipes never load JLine: on
 * stdout for answers and debates, on stderr for a tournament's live status.
 */
public final class Terminals {

    private Terminals() {
    }

    /** Ctrl-C is arena's to handle (cancel the stream), not JLine's. */
    public static Terminal openStdout() {
        // The default picks stdout or stderr, whichever is a terminal; we only draw on stdout.
        return open(TerminalBuilder.SystemOutput.SysOut, false);
    }

    /**
     * The terminal on stderr, where a tournament's live status is drawn while stdout may be a
     * pipe; arena writes to stderr itself and asks this one only its width, which follows resizes.
     */
    public static Terminal openStderr() {
        return open(TerminalBuilder.SystemOutput.SysErr, false);
    }

    /**
     * The terminal for interactive chat, on stdin and stdout. Unlike {@link #openStdout()},
     * it turns the process's SIGINT into {@link Terminal.Signal#INT} for whatever handler is
     * installed with {@code terminal.handle}: the line reader's (Ctrl-C clears the line) or
     * the chat's (Ctrl-C cuts the answer that streams).
     */
    public static Terminal openInteractive() {
        return open(TerminalBuilder.SystemOutput.SysOut, true);
    }

    private static Terminal open(TerminalBuilder.SystemOutput output, boolean nativeSignals) {
        try {
            return TerminalBuilder.builder()
                    .system(true)
                    .systemOutput(output)
                    // Fall back silently instead of logging a warning when no terminal can be made.
                    .dumb(true)
                    .nativeSignals(nativeSignals)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }
}
