package dev.arena.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The process's streams and environment, passed in rather than read from globals so that
 * tests can run arena in-process with their own input, output and environment.
 */
public record Stdio(InputStream in, OutputStream out, OutputStream err,
                    boolean stdinIsTerminal, boolean stdoutIsTerminal, boolean stderrIsTerminal,
                    Map<String, String> env) {

    /**
     * The real process streams. Raw file descriptors, not {@code System.out}: a
     * PrintStream hides write errors, and we need to see a closed pipe to stop the request.
     * Whether a stream is a terminal comes from the launcher ({@code [ -t 0 ]}); without it,
     * {@code System.console()} is the best guess Java 17 offers.
     */
    public static Stdio system() {
        boolean console = System.console() != null;
        return new Stdio(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err),
                flag("arena.stdin.tty", console), flag("arena.stdout.tty", console), flag("arena.stderr.tty", console),
                System.getenv());
    }

    private static boolean flag(String property, boolean fallback) {
        String value = System.getProperty(property);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }
}
