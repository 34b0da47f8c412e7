package dev.arena.cli;

import dev.arena.debate.Debate;
import dev.arena.debate.DebateListener;
import dev.arena.debate.DebateListeners;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.TurnFailedException;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.output.OutputClosedException;
import dev.arena.output.TextSink;
import dev.arena.resilience.ChainFailedException;
import dev.arena.transcript.TranscriptFile;
import dev.arena.transcript.TranscriptFormat;
import dev.arena.transcript.Transcripts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one debate into the chosen view and transcript, and turns how it ended into an
 * exit code and, when it stopped early, one sentence that also says where the transcript is.
 */
final class DebateRun {

    private final Connection connection;
    private final DebateSettings settings;
    private final OutputOptions output;
    private final Stdio io;
    private final TextSink err;

    DebateRun(Connection connection, DebateSettings settings, OutputOptions output, Stdio io, TextSink err) {
        this.connection = connection;
        this.settings = settings;
        this.output = output;
        this.io = io;
        this.err = err;
    }

    int run(Path out, TranscriptFormat format) {
        TranscriptFile transcript = null;
        if (out != null) {
            try {
                transcript = Transcripts.open(out, format);
            } catch (IOException e) {
                err.write("arena: cannot write the transcript to " + out + ": " + e.getMessage() + "\n").flush();
                return ExitCode.USAGE;
            }
        }
        List<DebateListener> listeners = new ArrayList<>(output.debateViews(io, new TextSink(io.out()), err));
        if (transcript != null) {
            listeners.add(transcript);
        }
        Cancellation cancel = new Cancellation();
        try (StopSignals ignored = StopSignals.cancel(cancel)) {
            new Debate(settings, connection.chain(), new DebateListeners(listeners),
                    CatalogOptions.cachedPrices(io, connection.settings().baseUrl())).run(cancel);
            return ExitCode.OK;
        } catch (TurnFailedException e) {
            return fail("the debate stopped: " + e.getMessage(), ExitCode.FAILED, e, transcript);
        } catch (ChainFailedException e) {
            return fail("the judge failed: " + e.getMessage(), ExitCode.FAILED, e, transcript);
        } catch (HttpStatusException e) {
            return fail(Failures.account(e, connection.settings()), ExitCode.CONFIG, e, transcript);
        } catch (CancelledException e) {
            return fail("interrupted", ExitCode.INTERRUPTED, e, transcript);
        } catch (OutputClosedException e) {
            // The reader closed the pipe (| head): the request is closed; the transcript file is complete so far.
            return ExitCode.OK;
        } finally {
            close(transcript);
        }
    }

    private int fail(String sentence, int exitCode, Exception cause, TranscriptFile transcript) {
        String where = transcript == null ? "" : "; the transcript so far is in " + transcript.path();
        try {
            err.write("arena: " + connection.redactor().redact(sentence) + where + "\n").flush();
            connection.debugTrace(cause);
        } catch (OutputClosedException e) {
            // stderr is gone too; the exit code still tells.
        }
        return exitCode;
    }

    private void close(TranscriptFile transcript) {
        if (transcript == null) {
            return;
        }
        try {
            transcript.close();
        } catch (IOException e) {
            err.write("arena: the transcript " + transcript.path() + " may be incomplete: " + e.getMessage() + "\n").flush();
        }
    }
}
