package dev.arena.cli;

import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;

/** How failures that escape a command reach the user: one sentence, a hint, an exit code. */
final class ErrorHandlers {

    private ErrorHandlers() {
    }

    /**
     * A bad flag or value: the problem and where to look, not the whole usage text. {@code arena}
     * alone is not an error but a question: it gets the help. A mistyped command gets the
     * nearest ones.
     */
    static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        boolean root = cl.getCommandSpec().parent() == null;
        if (root && args.length == 0) {
            cl.usage(cl.getOut());
            cl.getOut().flush();
            return ExitCode.OK;
        }
        PrintWriter err = cl.getErr();
        if (root && e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()
                && !args[0].startsWith("-")) {
            err.println("arena: '" + args[0] + "' is not an arena command; did you mean "
                    + String.join(" or ", unmatched.getSuggestions()) + "?");
            err.println("Try 'arena --help' for the commands.");
            err.flush();
            return ExitCode.USAGE;
        }
        err.println("arena: " + e.getMessage());
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        errorEvent(cl, args, e.getMessage(), ExitCode.USAGE);
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
        exit.sentence().ifPresent(sentence -> errorEvent(cl, parsed.originalArgs().toArray(String[]::new), sentence, exit.code()));
        return exit.code();
    }

    /**
     * With {@code --json}, the failure as the command's {@code error} event too, so a script
     * reading stdout learns of it. The words are read as typed, not from the parse: a bad value
     * stops the parse before a later {@code --json} is reached.
     */
    private static void errorEvent(CommandLine cl, String[] args, String sentence, int exitCode) {
        if (cl.getCommandSpec().userObject() instanceof JsonErrorEvents events && jsonAskedFor(args)) {
            try {
                events.errorEvent(sentence, exitCode);
            } catch (OutputClosedException | OutputFailedException ignored) {
                // The reader of stdout went away; stderr and the exit code still tell.
            }
        }
    }

    /** {@code --json} among the options, that is before a {@code --} (after it, words are the prompt's). */
    private static boolean jsonAskedFor(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--json")) {
                return true;
            }
        }
        return false;
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
