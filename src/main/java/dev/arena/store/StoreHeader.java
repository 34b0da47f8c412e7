package dev.arena.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the first hundred bytes of the store say, read without SQLite: a run that leaves its
 * record in the journal instead of opening the database (see {@link StoreWriter}) still warns,
 * as one that opens it would, when the store is not a database, comes from a newer arena (its
 * schema version is kept in the header's user_version too), or cannot be written. A store
 * held by another arena is no problem here: the record waits in the journal meanwhile.
 */
final class StoreHeader {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int USER_VERSION_OFFSET = 60;

    private StoreHeader() {
    }

    /** The sentence for what is wrong with {@code file}, or null when a database could take the record. */
    static String problem(Path file) {
        if (Files.isDirectory(file)) {
            return "the store " + file + " is a directory, not a database file";
        }
        if (!Files.exists(file)) {
            return null; // made when the journal is moved in
        }
        byte[] header = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            return "cannot read the store " + file;
        }
        if (read > 0 && (read < header.length || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length))) {
            return file + " is not a database arena can read (damaged, or another kind of file)";
        }
        int version = read == 0 ? 0 : ByteBuffer.wrap(header, USER_VERSION_OFFSET, 4).getInt();
        if (version > Schema.VERSION) {
            return "the store " + file + " comes from a newer arena (schema " + version + "; this one knows up to "
                    + Schema.VERSION + "), so it was left as it is";
        }
        if (!Files.isWritable(file)) {
            return "the store " + file + " is read-only";
        }
        return null;
    }
}
