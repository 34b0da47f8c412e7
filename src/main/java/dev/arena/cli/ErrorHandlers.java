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

    /** A bug, not a user error: say so in one line; the stack trace only with --debug. */
    static int unexpected(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("arena: internal error: " + e + (debug(parsed) ? "" : " (run with --debug for details)"));
        if (debug(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.FAILED;
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
