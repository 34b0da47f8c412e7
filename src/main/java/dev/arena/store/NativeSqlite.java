package dev.arena.store;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts SQLite's native library where the driver loads it from without copying it. By default
 * sqlite-jdbc extracts the library from its jar into the temporary directory at every start
 * (a megabyte written, read back and compared, then loaded): measured, 310–380 ms to open a
 * database against 85–95 ms with the library named by {@code org.sqlite.lib.path}. Here it is
 * extracted once per driver version into {@code $XDG_CACHE_HOME/arena/native/sqlite-VERSION/OS-ARCH},
 * by rename, so a file arena put there is always whole; later starts check only its size
 * against the jar's entry (a truncated copy, by a full disk or a hand, fails to load and would
 * leave every run without a store) and set the system properties.
 */
final class NativeSqlite {

    private static final String NAME = libraryName();

    /**
     * The driver logs through java.util.logging, whose console handler would print its stack
     * traces on stderr (a library that fails to load, say) around arena's one sentence. Held
     * here because java.util.logging keeps loggers only weakly, with their levels.
     */
    private static final Logger DRIVER_LOG = Logger.getLogger("org.sqlite");

    private NativeSqlite() {
    }

    /**
     * Names the library under {@code cacheDir} for the driver, extracting it there first when
     * it is missing. Any failure leaves the properties unset, so the driver falls back to its
     * own extraction: slower, never broken.
     */
    static synchronized void prepare(Path cacheDir) {
        DRIVER_LOG.setLevel(Level.OFF);
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return; // set by the user, or by an earlier store in this process
        }
        // Named by the JVM's own idea of the platform: the driver's OSInfo, which picks the
        // library inside the jar, may start a process to tell (measured: 120 ms), so it is asked
        // only when extracting.
        Path dir = cacheDir.resolve("native").resolve("sqlite-" + SQLiteJDBCLoader.getVersion())
                .resolve(safe(System.getProperty("os.name")) + "-" + safe(System.getProperty("os.arch")));
        Path library = dir.resolve(NAME);
        try {
            if (!whole(library)) {
                extract("/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + NAME, dir, library);
            }
        } catch (IOException e) {
            return;
        }
        System.setProperty("org.sqlite.lib.path", dir.toString());
        System.setProperty("org.sqlite.lib.name", NAME);
        // The driver also sweeps its temporary directory for stale copies at start-up: point it
        // at this small directory instead of listing all of /tmp.
        System.setProperty("org.sqlite.tmpdir", dir.toString());
    }

    /**
     * True when {@code library} is there with the size of its entry in the jar (read from the
     * jar's directory, not inflated). The entry's name was kept beside it when it was extracted.
     */
    private static boolean whole(Path library) throws IOException {
        Path source = source(library);
        if (!Files.isRegularFile(library) || !Files.isRegularFile(source)) {
            return false;
        }
        String resource = Files.readString(source, StandardCharsets.UTF_8).strip();
        URL entry = NativeSqlite.class.getResource(resource);
        if (entry == null) {
            throw new IOException("no native library " + resource + " in the jar");
        }
        long size = entry.openConnection().getContentLengthLong();
        return size < 0 || Files.size(library) == size;
    }

    private static void extract(String resource, Path dir, Path library) throws IOException {
        try (InputStream in = NativeSqlite.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no native library " + resource + " in the jar");
            }
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, NAME, ".part");
            try {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                // Two arenas extracting at once both rename a whole file into place.
                Files.move(temporary, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(source(library), resource + "\n", StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** The file naming the library's entry in the jar. */
    private static Path source(Path library) {
        return library.resolveSibling(library.getFileName() + ".source");
    }

    private static String safe(String name) {
        return name == null ? "unknown" : name.replaceAll("[^A-Za-z0-9._]", "_");
    }

    private static String libraryName() {
        String name = System.mapLibraryName("sqlitejdbc");
        // The driver ships libsqlitejdbc.dylib on macOS under that name; older JDKs map to .jnilib.
        return name.endsWith(".jnilib") ? name.replace(".jnilib", ".dylib") : name;
    }
}
