package dev.arena.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What picocli prints and returns for an exception that escapes a command. */
class ErrorHandlersTest {

    @Command(name = "fails")
    static final class Failing implements Callable<Integer> {

        private final Exception failure;

        @Option(names = "--debug")
        boolean debug;

        Failing(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    private record Run(int code, String err) {
    }

    private static Run run(Exception failure, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Failing(failure));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(ErrorHandlers::escaped);
        return new Run(cl.execute(args), err.toString());
    }

    @Test
    void aConfigProblemIsItsSentenceAndExitThree() {
        assertEquals(new Run(ExitCode.CONFIG, "arena: no API key: set it\n"), run(new ConfigException("no API key: set it")));
    }

    @Test
    void aConfigProblemHasNoStackTraceEvenWithDebug() {
        assertEquals(new Run(ExitCode.CONFIG, "arena: no API key: set it\n"),
                run(new ConfigException("no API key: set it"), "--debug"));
    }

    @Test
    void aBugIsOneLineThatPointsAtDebug() {
        assertEquals(new Run(ExitCode.FAILED, "arena: internal error: java.lang.IllegalStateException: oops"
                + " (run with --debug for details)\n"), run(new IllegalStateException("oops")));
    }

    @Test
    void aBugWithDebugShowsItsStackTrace() {
        Run run = run(new IllegalStateException("oops"), "--debug");

        assertEquals(ExitCode.FAILED, run.code());
        assertTrue(run.err().startsWith("arena: internal error: java.lang.IllegalStateException: oops\n"
                + "java.lang.IllegalStateException: oops\n\tat "), run.err());
    }
}
