package dev.arena.cli;

import dev.arena.openrouter.Cancellation;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns Ctrl-C into a cancellation of the request in flight, so the stream is closed, what
 * arrived is kept, and arena exits 130 through its normal path. A second Ctrl-C, for a
 * cancellation that does not finish, ends the process at once.
 */
final class CtrlC implements AutoCloseable {

    private static final Signal INT = new Signal("INT");

    private final SignalHandler previous;

    private CtrlC(SignalHandler previous) {
        this.previous = previous;
    }

    static CtrlC cancels(Cancellation cancellation) {
        AtomicInteger presses = new AtomicInteger();
        SignalHandler previous = Signal.handle(INT, signal -> {
            if (presses.getAndIncrement() > 0) {
                Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
            }
            cancellation.cancel();
        });
        return new CtrlC(previous);
    }

    @Override
    public void close() {
        Signal.handle(INT, previous);
    }
}
