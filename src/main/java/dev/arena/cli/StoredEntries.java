package dev.arena.cli;

import dev.arena.output.OutputClosedException;
import dev.arena.output.OutputFailedException;
import dev.arena.output.TextSink;
import dev.arena.store.StoreException;
import dev.arena.store.StoreLocation;
import dev.arena.store.StoreReader;
import dev.arena.store.StoredChat;
import dev.arena.store.StoredDebate;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one entry {@code logs show}, {@code logs export} and {@code replay} are given, by its id
 * or a unique prefix of it, loaded whole so the store is closed before anything is written.
 * A store that is not there, cannot be read, or has no such entry is exit 3 with the sentence.
 */
final class StoredEntries {

    /** A stored debate or a stored chat: exactly one of them is set. */
    record Entry(StoredDebate debate, StoredChat chat) {
    }

    /** What a command does with the entry; returns the exit code. */
    @FunctionalInterface
    interface Use {
        int with(Entry entry);
    }

    private StoredEntries() {
    }

    static int use(Stdio io, Path file, String id, TextSink err, Use use) {
        Entry entry;
        try {
            Optional<StoreReader> opened = StoreReader.open(file, StoreLocation.cacheDir(io.env(), CatalogOptions.home(io)));
            if (opened.isEmpty()) {
                return say(err, "nothing is recorded yet (the store would be " + file + ")", ExitCode.CONFIG);
            }
            try (StoreReader reader = opened.get()) {
                String resolved = reader.resolve(id);
                entry = StoredDebate.isDebate(reader, resolved)
                        ? new Entry(StoredDebate.load(reader, resolved), null)
                        : new Entry(null, StoredChat.load(reader, resolved));
            }
        } catch (StoreException e) {
            return say(err, e.getMessage(), ExitCode.CONFIG);
        }
        try {
            return use.with(entry);
        } catch (OutputClosedException e) {
            return ExitCode.OK; // | head: the reader has what it wanted.
        } catch (OutputFailedException e) {
            return ModelsCommand.cannotWrite(err, e);
        }
    }

    static int say(TextSink err, String sentence, int exitCode) {
        try {
            err.write("arena: " + sentence + "\n").flush();
        } catch (OutputClosedException | OutputFailedException e) {
            // Nowhere left to say it; the exit code still tells.
        }
        return exitCode;
    }
}
