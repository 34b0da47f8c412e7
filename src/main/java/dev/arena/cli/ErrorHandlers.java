package dev.arena.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/** How failures that escape a command reach the user: one sentence, a hint, an exit code. */
final class ErrorHandlers {

    private ErrorHandlers() {
    }

    /** A bad flag or value: the problem and where to look, not the whole usage text. */
    static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("arena: " + e.getMessage());
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCode.USAGE;
    }

    /**
     * What escaped a command: a failure of the user's to fix (a {@link ConfigException}) as the
     * mapper's sentence and exit code; a bug in one line, its stack trace only with --debug.
     */
    static int escaped(Exception e, CommandLine cl, ParseResult parsed) {
        FailureMapper.Exit exit = new FailureMapper().exit(e);
        boolean trace = exit.bug() && debug(parsed);
        PrintWriter err = cl.getErr();
        exit.sentence().ifPresent(sentence ->
                err.println("arena: " + sentence + (exit.bug() && !trace ? " (run with --debug for details)" : "")));
        if (trace) {
            e.printStackTrace(err);
        }
        err.flush();
        return exit.code();
    }

    private static boolean debug(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
