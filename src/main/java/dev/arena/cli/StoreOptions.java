package dev.arena.cli;

import dev.arena.config.ConfigKey;
import dev.arena.output.TextSink;
import dev.arena.store.StoreLocation;
import dev.arena.store.StoreWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Which store a command records into, and whether it records at all. Logging is on unless
 * {@code --no-log}, else unless {@code $ARENA_LOG} or the config file's {@code log} say
 * {@code false}, else unless {@code arena logs off} left its marker.
 */
@Command(addMethodSubcommands = false)
final class StoreOptions {

    @Option(names = "--db", paramLabel = "FILE",
            description = "The store's file (default: $XDG_DATA_HOME/arena/arena.db).")
    Path db;

    @Option(names = "--no-log", description = "Keep no record of this run in the store.")
    boolean noLog;

    /** The store's file in effect. */
    Path file(Stdio io) {
        return db != null ? db : StoreLocation.defaultFile(io.env(), CatalogOptions.home(io));
    }

    /**
     * A writer into the store, or {@link StoreWriter#DISABLED} when logging is off. It opens the
     * database {@code patience} after the first record (see StoreWriter): zero for the commands
     * that run long, a moment for a one-shot chat, whose records go to the journal when it is
     * over sooner.
     */
    StoreWriter writer(Stdio io, ArenaCommand root, Duration patience) {
        return logging(io, root)
                ? new StoreWriter(file(io), StoreLocation.cacheDir(io.env(), CatalogOptions.home(io)), patience)
                : StoreWriter.DISABLED;
    }

    /** Logging is on unless --no-log (or log=false), or, when neither is set, the marker of {@code arena logs off}. */
    boolean logging(Stdio io, ArenaCommand root) {
        return !noLog && (configured(io, root) || !Files.exists(StoreLocation.offMarker(io.env(), CatalogOptions.home(io))));
    }

    /** True when the environment or the config file says whether to log, which beats the marker. */
    private static boolean configured(Stdio io, ArenaCommand root) {
        String env = io.env().get(ConfigKey.LOG.envName());
        return env != null && !env.isBlank() || root.config().get(ConfigKey.LOG).isPresent();
    }

    /** Finishes writing and prints the store's one warning, if it had one. */
    static void finish(StoreWriter writer, TextSink err) {
        writer.close();
        writer.takeWarning().ifPresent(w -> err.write("arena: warning: the store could not keep this run: " + w + "\n").flush());
    }
}
