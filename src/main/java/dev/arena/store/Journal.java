package dev.arena.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.arena.files.ArenaDirectories;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Records waiting to enter the database: one file per short run, in a directory beside the
 * database ({@code arena.db.pending/}). A one-shot chat that is over before the database could
 * be opened without slowing it (see {@link StoreWriter}) leaves its rows here, in one file
 * renamed into place whole; the next arena that opens the database (any debate, REPL, slower
 * chat, or {@code arena logs}) moves them in, one transaction per file, then deletes the file.
 */
final class Journal {

    /** Far above what one run writes (a prompt is at most 16 MiB); a larger file is not arena's. */
    private static final long FILE_LIMIT = 256L * 1024 * 1024;

    private Journal() {
    }

    static Path directory(Path database) {
        return database.resolveSibling(database.getFileName() + ".pending");
    }

    /** True when {@code e} says the disk is full. */
    static boolean noSpace(IOException e) {
        String text = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return text != null && text.contains("No space left on device");
    }

    /** True when records wait for {@code database} (it may not exist yet: only short runs recorded). */
    static boolean hasWaiting(Path database) {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(directory(database), "*.jsonl")) {
            return found.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** Keeps {@code rows} for the database {@code database}; a failure is the caller's warning. */
    static void write(Path database, List<Row> rows) throws IOException {
        Path dir = directory(database);
        ArenaDirectories.createPrivate(dir);
        StringBuilder text = new StringBuilder();
        for (Row row : rows) {
            JsonObject line = new JsonObject();
            line.addProperty("statement", row.statement().name());
            JsonArray values = new JsonArray();
            for (Object value : row.values()) {
                if (value == null) {
                    values.add(JsonNull.INSTANCE);
                } else if (value instanceof Number number) {
                    values.add(number);
                } else if (value instanceof Boolean flag) {
                    values.add(flag ? 1 : 0);
                } else {
                    values.add(value.toString());
                }
            }
            line.add("values", values);
            text.append(line).append('\n');
        }
        // Named by time first, so files are moved in in the order they were written.
        String name = System.currentTimeMillis() + "-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        Path part = dir.resolve(name + ".part");
        try {
            // Prompts and answers: private like the database, whatever the umask.
            try {
                Files.createFile(part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(part);
            }
            Files.writeString(part, text, StandardCharsets.UTF_8);
            Files.move(part, dir.resolve(name + ".jsonl"), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Moves every waiting file into the database. A file that cannot be read as a journal is
     * renamed {@code .bad} and left for the user; the sentence for the first problem is returned
     * (null when there was none), as the writer's warning.
     */
    static String ingest(Connection connection, Path database) {
        Path dir = directory(database);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "*.jsonl")) {
            found.forEach(files::add);
        } catch (IOException e) {
            return "cannot read the waiting records in " + dir;
        }
        files.sort(null);
        String problem = null;
        for (Path file : files) {
            try {
                List<Row> rows = read(file);
                Transaction.<RuntimeException>immediate(connection, () -> {
                    for (Row row : rows) {
                        row.apply(connection);
                    }
                });
                Files.deleteIfExists(file);
            } catch (NoSuchFileException e) {
                // Another arena moved it in first.
            } catch (IOException | JsonParseException | IllegalStateException | IllegalArgumentException
                     | NullPointerException | UnsupportedOperationException e) {
                // Not the shape arena writes (zeros after a power cut, a stray file): Gson says so
                // in several ways; none may stop the others from moving in.
                problem = problem != null ? problem : "the waiting records " + file + " are damaged; they were renamed .bad";
                try {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // It stays, and is tried again next time.
                }
            } catch (SQLException e) {
                return problem != null ? problem : StoreErrors.sentence(database, e); // the database itself fails: stop
            }
        }
        return problem;
    }

    private static List<Row> read(Path file) throws IOException {
        if (Files.size(file) > FILE_LIMIT) {
            throw new IOException("too large");
        }
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject object = JsonParser.parseString(line).getAsJsonObject();
            RowStatement statement = RowStatement.valueOf(object.get("statement").getAsString());
            List<Object> values = new ArrayList<>();
            for (JsonElement value : object.getAsJsonArray("values")) {
                values.add(value(value));
            }
            rows.add(new Row(statement, values));
        }
        return rows;
    }

    private static Object value(JsonElement value) {
        if (value.isJsonNull()) {
            return null;
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isString()) {
            return primitive.getAsString();
        }
        if (primitive.isNumber()) {
            String text = primitive.getAsString();
            return text.contains(".") || text.contains("e") || text.contains("E") ? (Object) primitive.getAsDouble()
                    : (Object) primitive.getAsLong();
        }
        throw new IllegalArgumentException("not a store value: " + value);
    }
}
