package dev.arena.cli;

import dev.arena.catalog.CostEstimator;
import dev.arena.debate.Debate;
import dev.arena.store.DebateRecorder;
import dev.arena.store.RequestRecorder;
import dev.arena.store.StoreWriter;
import dev.arena.debate.DebateListener;
import dev.arena.debate.DebateListeners;
import dev.arena.debate.DebateOutcome;
import dev.arena.debate.DebateSettings;
import dev.arena.debate.TurnFailedException;
import dev.arena.files.ArenaDirectories;
import dev.arena.files.FileBusyException;
import dev.arena.files.NotReplaceableException;
import dev.arena.files.WriteLock;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.output.TextSink;
import dev.arena.resilience.ChainFailedException;
import dev.arena.transcript.TranscriptExistsException;
import dev.arena.transcript.TranscriptFile;
import dev.arena.transcript.TranscriptFormat;
import dev.arena.transcript.TranscriptWriteException;
import dev.arena.transcript.Transcripts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one debate into the chosen view and transcript, decides how it ended, records that
 * last in every view and transcript, and turns it into an exit code and, when it stopped
 * early, one sentence ({@link FailureMapper} says both) that also says where everything
 * received so far is.
 *
 * <p>The transcript's write lock is taken before the file is opened (which truncates it) and
 * held until it is closed, so a second arena on the same {@code --out} is refused and the
 * first one's file is untouched. Everything up to the transcript's close happens while the
 * stop signals are held, so a {@code kill} waits for the end record too.
 */
final class DebateRun {

    private final Connection connection;
    private final DebateSettings settings;
    private final OutputOptions output;
    private final Stdio io;
    private final TextSink err;
    private final StoreWriter store;
    private final FailureMapper failures;

    DebateRun(Connection connection, DebateSettings settings, OutputOptions output, Stdio io, TextSink err,
              StoreWriter store) {
        this.store = store;
        this.connection = connection;
        this.settings = settings;
        this.output = output;
        this.io = io;
        this.err = err;
        this.failures = connection.failures();
    }

    /** How the run ended: what the transcripts record, the exit code, and the sentence (null when quiet). */
    private record Ending(DebateOutcome outcome, int exitCode, String sentence, Exception cause) {
    }

    int run(Path out, TranscriptFormat format, boolean force) {
        WriteLock lock = null;
        TranscriptFile transcript = null;
        if (out != null) {
            try {
                lock = WriteLock.acquire(ArenaDirectories.locks(io.env(), CatalogOptions.home(io)), out);
                transcript = Transcripts.open(out, format, force);
            } catch (FileBusyException | NotReplaceableException | TranscriptExistsException e) {
                return refuse(lock, e.getMessage());
            } catch (IOException e) {
                return refuse(lock, "cannot write the transcript to " + out + ": " + e.getMessage());
            }
        }
        TextSink stdout = TextSink.stdout(io.out());
        List<DebateListener> listeners = new ArrayList<>(output.debateViews(io, stdout, err, true));
        if (transcript != null) {
            listeners.add(transcript);
        }
        CostEstimator costs = CatalogOptions.cachedPrices(io, connection.settings().baseUrl());
        RequestRecorder recorder = new RequestRecorder(store, connection.redactor());
        String id = recorder.startDebate(settings.topic(), Instant.now());
        listeners.add(new DebateRecorder(store, connection.redactor(), id)); // last: it never throws
        DebateListener all = new DebateListeners(listeners);
        Debate debate = new Debate(id, settings,
                connection.chain().recordingTo(recorder).pricedWith(costs).cuttingAnswersAt(Debate.TURN_TEXT_LIMIT), all);
        Cancellation cancel = new Cancellation();
        try (WriteLock held = lock; StopSignals ignored = StopSignals.cancel(cancel)) {
            Ending ending = debate(debate, cancel, transcript);
            ending = end(ending, id, all, transcript);
            if (ending.outcome().result() == DebateOutcome.Result.COMPLETE && transcript != null
                    && !output.quietOn(io)) {
                // A run that stopped said where the transcript is in its sentence; a whole one says it last.
                say("the transcript is in " + transcript.path());
            }
            return report(ending);
        }
    }

    private Ending debate(Debate debate, Cancellation cancel, TranscriptFile transcript) {
        String where = transcript == null ? "" : "; the transcript so far is in " + transcript.path();
        try {
            debate.run(cancel);
            return new Ending(DebateOutcome.COMPLETE, ExitCode.OK, null, null);
        } catch (TurnFailedException | HttpStatusException e) {
            return stopped(DebateOutcome.Result.FAILED, "", e, where);
        } catch (ChainFailedException e) {
            return stopped(DebateOutcome.Result.FAILED, "the judge failed: ", e, where);
        } catch (CancelledException e) {
            FailureMapper.Exit exit = failures.exit(e);
            return new Ending(new DebateOutcome(DebateOutcome.Result.INTERRUPTED, null), exit.code(),
                    exit.sentence().orElseThrow() + where, e);
        } catch (OutputClosedException | OutputFailedException | TranscriptWriteException e) {
            return writeFailure(e, transcript);
        }
    }

    /**
     * A write that failed: only a closed stdout ends quietly (| head has what it wanted);
     * anything else, a closed FIFO given to --out included, is a failed run.
     */
    private Ending writeFailure(RuntimeException e, TranscriptFile transcript) {
        if (e instanceof OutputClosedException) {
            return new Ending(new DebateOutcome(DebateOutcome.Result.OUTPUT_CLOSED, "the reader of stdout went away"),
                    failures.exit(e).code(), null, e);
        }
        if (e instanceof TranscriptWriteException) {
            return stopped(DebateOutcome.Result.WRITE_FAILED, "", e, ", and stdout has everything received so far");
        }
        String where = transcript == null
                ? ", and no copy was kept (--out FILE keeps one)"
                : "; the transcript so far is in " + transcript.path();
        // The failed stream names itself ("cannot write to stdout (...)"): the debate's summary
        // recorded the same sentence as its stop reason, so the transcript says it once.
        return stopped(DebateOutcome.Result.WRITE_FAILED, "", e, where);
    }

    /**
     * The mapper's sentence for {@code cause}, after {@code who} (the judge, where the sentence
     * alone would not say), is recorded in the transcripts; the user reads it with {@code where}.
     */
    private Ending stopped(DebateOutcome.Result result, String who, Exception cause, String where) {
        FailureMapper.Exit exit = failures.exit(cause);
        String redacted = connection.redactor().redact(who + exit.sentence().orElseThrow());
        String then = result == DebateOutcome.Result.WRITE_FAILED ? "; the debate stopped" : "";
        return new Ending(new DebateOutcome(result, redacted), exit.code(), redacted + then + where, cause);
    }

    /**
     * Records the outcome in every view and transcript, then closes the transcript. A write
     * that fails only now turns a good ending into a failed one; after a failure it changes
     * nothing, since the user is told once.
     */
    private Ending end(Ending ending, String id, DebateListener all, TranscriptFile transcript) {
        Ending result = ending;
        try {
            all.ended(id, ending.outcome());
        } catch (OutputClosedException | OutputFailedException | TranscriptWriteException e) {
            if (ending.exitCode() == ExitCode.OK && !(e instanceof OutputClosedException)) {
                result = writeFailure(e, transcript);
            }
        }
        if (transcript != null) {
            try {
                transcript.close();
            } catch (IOException e) {
                if (result.exitCode() == ExitCode.OK) {
                    result = writeFailure(new TranscriptWriteException(transcript.path(), e), transcript);
                }
            }
        }
        return result;
    }

    private int report(Ending ending) {
        if (ending.sentence() != null) {
            say(ending.sentence());
            errorEvent(ending.sentence(), ending.exitCode());
            try {
                connection.debugTrace(ending.cause());
            } catch (OutputClosedException | OutputFailedException e) {
                // stderr is gone too; the exit code still tells.
            }
        }
        return ending.exitCode();
    }

    /** Before anything is sent: the transcript cannot be had. */
    private int refuse(WriteLock lock, String sentence) {
        if (lock != null) {
            lock.close();
        }
        say(sentence);
        errorEvent(sentence, ExitCode.USAGE);
        return ExitCode.USAGE;
    }

    /** With --json, the sentence the run ends with as the stream's last event, after debate_end. */
    private void errorEvent(String sentence, int exitCode) {
        if (output.json) {
            try {
                OutputOptions.debateErrorEvent(io, sentence, exitCode);
            } catch (OutputClosedException | OutputFailedException e) {
                // stdout is what failed; stderr and the exit code tell.
            }
        }
    }

    /** One line on stderr; when stderr itself fails there is nowhere left to say it, and the exit code still tells. */
    private void say(String sentence) {
        try {
            err.write("arena: " + sentence + "\n").flush();
        } catch (OutputClosedException | OutputFailedException e) {
            // Nowhere left to say it.
        }
    }
}
