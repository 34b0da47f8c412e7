package dev.arena.transcript;

import dev.arena.debate.DebateListener;

import java.io.Closeable;
import java.nio.file.Path;

/** A transcript being written to a file as the debate happens; close it when the debate is over or stopped. */
public interface TranscriptFile extends DebateListener, Closeable {

    /** Where the transcript is, to tell the user (after Ctrl-C, say). */
    Path path();
}
