package dev.arena.cli;

import dev.arena.openrouter.Cancellation;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

import static org.junit.jupiter.api.Assertions.assertTrue;

class StopSignalsTest {

    /**
     * A tool such as {@code timeout} passes a Ctrl-C on and then signals its whole group, so
     * one press arrives twice within milliseconds. Taken as a second press, it would halt the
     * JVM at once (this test's JVM too) before the transcript got its end record.
     */
    @Test
    void oneCtrlCDeliveredTwiceAtOnceIsOnePressThatCancels() throws Exception {
        Cancellation cancellation = new Cancellation();
        try (StopSignals ignored = StopSignals.cancel(cancellation)) {
            Signal.raise(new Signal("INT"));
            Signal.raise(new Signal("INT"));
            for (int i = 0; i < 500 && !cancellation.isCancelled(); i++) {
                Thread.sleep(10);
            }
            Thread.sleep(100); // the second delivery has been handled as well
        }
        assertTrue(cancellation.isCancelled(), "the run is cancelled, and the JVM is still here to finish it");
    }
}
