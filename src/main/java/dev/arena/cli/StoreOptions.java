package dev.arena.cli;

import dev.arena.output.TextSink;
import dev.arena.store.StoreLocation;
import dev.arena.store.StoreWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Which store a command records into, and whether it records at all: not with {@code --no-log},
 * else as {@link LoggingState} says.
 */
@Command(addMethodSubcommands = false)
final class StoreOptions {

    @Mixin
    StoreFileOption db;

    @Option(names = "--no-log", description = "Keep no record of this run in the store.")
    boolean noLog;

    /** The store's file in effect. */
    Path file(Stdio io) {
        return db.file(io);
    }

    /** A writer into the store, or {@link StoreWriter#DISABLED} when logging is off. */
    StoreWriter writer(Stdio io, ArenaCommand root) {
        return logging(io, root) ? new StoreWriter(file(io), StoreLocation.cacheDir(io.env(), CatalogOptions.home(io)))
                : StoreWriter.DISABLED;
    }

    /**
     * Logging is on unless --no-log, else as {@link LoggingState} says. (The option's default
     * comes from $ARENA_LOG or the config file's log, already checked by {@link ConfigDefaults}.)
     */
    boolean logging(Stdio io, ArenaCommand root) {
        return !noLog && LoggingState.of(io, root).on();
    }

    /** Finishes writing and prints the store's one warning, if it had one. */
    static void finish(StoreWriter writer, TextSink err) {
        writer.close();
        writer.takeWarning().ifPresent(w -> err.write("arena: warning: the store could not keep this run: " + w + "\n").flush());
    }
}
