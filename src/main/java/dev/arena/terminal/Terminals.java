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
}
