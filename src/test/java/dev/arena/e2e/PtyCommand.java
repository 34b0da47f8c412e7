package dev.arena.e2e;

import java.nio.file.Path;
import java.util.Map;

/**
 * The real bin/arena on a pseudo-terminal made by util-linux {@code script}: a clean environment
 * (no key, no user config), a colourless xterm of a given width, stdout and stderr on one screen.
 */
final class PtyCommand {

    private PtyCommand() {
    }

    /** A process builder for {@code bin/arena ARGS} on a pty of {@code cols} columns, HOME in {@code home}. */
    static ProcessBuilder of(int cols, Path home, String... args) {
        // script's own stdin is a pipe, so the pty starts with no size: give it one.
        StringBuilder command = new StringBuilder("stty cols " + cols + " rows 40; exec ")
                .append(quote(ArenaProcess.LAUNCHER.toString()));
        for (String a : args) {
            command.append(' ').append(quote(a));
        }
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", command.toString(), "/dev/null");
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", home.toString());
        env.put("TERM", "xterm-256color");
        env.put("NO_COLOR", "1");
        env.put("LC_ALL", "C.UTF-8");
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        pb.redirectErrorStream(true);
        return pb;
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
