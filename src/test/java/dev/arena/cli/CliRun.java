package dev.arena.cli;

import dev.arena.Main;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One in-process run of arena with its own streams and environment, and what it wrote. */
record CliRun(int exitCode, String out, String err) {

    /**
     * Runs arena. {@code stdin} is the piped input, or null for a terminal with nothing typed;
     * {@code stdoutTerminal} says whether stdout counts as a terminal.
     */
    static CliRun of(String stdin, boolean stdoutTerminal, Map<String, String> env, String... args) {
        return of(stdin, stdoutTerminal, false, env, args);
    }

    /** As {@link #of(String, boolean, Map, String...)}, with {@code stderrTerminal} saying whether stderr counts as one. */
    static CliRun of(String stdin, boolean stdoutTerminal, boolean stderrTerminal, Map<String, String> env,
                     String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] in = stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8);
        Stdio stdio = new Stdio(new ByteArrayInputStream(in), out, err, stdin == null, stdoutTerminal, stderrTerminal,
                env);
        int code = Main.run(stdio, args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> lines() {
        return out.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
    }
}
