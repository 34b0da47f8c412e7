package dev.arena.cli;

import dev.arena.catalog.CostEstimator;
import dev.arena.openrouter.ClientSettings;
import dev.arena.resilience.FallbackChain;
import dev.arena.resilience.RequestLog;
import dev.arena.text.Redactor;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A configured way to the server: its settings, the chain that asks it, and the key's redactor. */
record Connection(ClientSettings settings, Redactor redactor, FallbackChain chain) {

    /** This connection, its chain recording every request to {@code log}. */
    Connection recordingTo(RequestLog log) {
        return new Connection(settings, redactor, chain.recordingTo(log));
    }

    /** What a failure of a request over this connection means to the user. */
    FailureMapper failures() {
        return new FailureMapper(settings);
    }

    /** This connection, its chain pricing with {@code costs} the answers the server reported no cost for. */
    Connection pricedWith(CostEstimator costs) {
        return new Connection(settings, redactor, chain.pricedWith(costs));
    }

    /** With --debug, the stack trace of a failure; without, nothing (the debug log is a no-op). */
    void debugTrace(Exception cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        settings.debug().accept(trace.toString());
    }
}
