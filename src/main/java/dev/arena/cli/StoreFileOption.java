package dev.arena.cli;

import dev.arena.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --db FILE}: which store a command uses. Apart from {@link StoreOptions} so that the
 * reading commands ({@code arena logs}), which record nothing, take it without {@code --no-log}.
 */
@Command(addMethodSubcommands = false)
final class StoreFileOption {

    @Option(names = "--db", paramLabel = "FILE",
            description = "The store's file (default: $XDG_DATA_HOME/arena/arena.db).")
    Path db;

    /** The store's file in effect: --db, else $ARENA_DB, else the config file's db (all through the option), else the default. */
    Path file(Stdio io) {
        return db != null ? db : StoreLocation.defaultFile(io.env(), CatalogOptions.home(io));
    }

}
