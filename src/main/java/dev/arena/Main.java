package dev.arena;

import dev.arena.cli.ArenaCommand;
import dev.arena.cli.Stdio;
import dev.arena.openrouter.SharedHttpClient;

/** Entry point of {@code bin/arena}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = run(Stdio.system(), args);
        SharedHttpClient.shutdown();
        System.exit(exitCode);
    }

    /** Runs arena without exiting the JVM, for tests and embedding; returns the exit code. */
    public static int run(Stdio stdio, String... args) {
        return ArenaCommand.commandLine(stdio, args).execute(args);
    }
}
