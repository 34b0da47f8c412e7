package dev.arena.store;

import dev.arena.text.Redactor;

import java.nio.file.Path;
import java.sql.Connection;

/**
 * A JVM of its own for the store's tests, where one process is not enough: several writers at
 * once, a native library loaded afresh. {@code write FILE CACHE COUNT} records a chat of COUNT
 * requests; {@code open FILE CACHE} opens (and migrates) the store and prints the library's
 * directory. Prints "ok" (exit 0) or the store's warning (exit 1).
 */
public final class StoreChild {

    private StoreChild() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        Path cache = Path.of(args[2]);
        if (args[0].equals("write")) {
            StoreWriter writer = new StoreWriter(file, cache, java.time.Duration.ZERO);
            StoreTesting.recordChat(writer, Redactor.NONE, Integer.parseInt(args[3]), "child " + ProcessHandle.current().pid());
            writer.close();
            String warning = writer.takeWarning().orElse(null);
            System.out.println(warning == null ? "ok" : warning);
            System.exit(warning == null ? 0 : 1);
        }
        try (Connection c = Database.open(file, cache)) {
            System.out.println("ok " + System.getProperty("org.sqlite.lib.path"));
        } catch (StoreException e) {
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }
}
