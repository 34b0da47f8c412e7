package dev.arena.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * An OS lock that says "an arena process is writing this file", so that a second arena
 * writing the same transcript or session is refused instead of interleaving with the first
 * (two debates sharing {@code -o} lost one transcript; two REPLs sharing {@code --session}
 * lost turns).
 *
 * <p>The lock is not taken on the file itself: a {@code .json} transcript or a session is
 * replaced by rename at every step, and a lock on the old file would not guard the new one.
 * It is taken on a lock file in arena's state directory named after a hash of the file's
 * canonical path, which stays put, and, for a file that exists, on one named after its device
 * and inode, so that a hard link under another name is the same file (a {@code .md} or
 * {@code .jsonl} transcript is appended in place). The OS drops the locks when the process
 * ends, even after {@code kill -9}, so a lock file left behind locks nothing. The lock file holds the pid of
 * the writer, for the message. Only regular files (or files still to be made) are locked:
 * two writers of {@code /dev/stdout} or of a FIFO are not a conflict.
 *
 * <p>Where no lock can be had (a state directory that cannot be written, a file system
 * without locks) the write goes on unlocked: a lock must not cost the user the run.
 */
public final class WriteLock implements AutoCloseable {

    private static final WriteLock NONE = new WriteLock(List.of());

    /** One lock file's channel and its lock: the file's path, and the file itself when it exists. */
    private record Held(FileChannel channel, FileLock lock) {
        void release() {
            try {
                lock.release();
            } catch (IOException e) {
                // Closing the channel below releases it too.
            }
            closeQuietly(channel);
        }
    }

    private final List<Held> held;

    private WriteLock(List<Held> held) {
        this.held = held;
    }

    /**
     * Locks {@code file} for writing by this process until {@link #close()}: its canonical
     * path, and, when it exists, the file itself (device and inode), so that a hard link under
     * another name is the same file too.
     *
     * @param locks where lock files live ({@link ArenaDirectories#locks})
     * @throws FileBusyException when another arena (another process, or another writer in this
     *                           one) holds the lock
     */
    public static WriteLock acquire(Path locks, Path file) throws FileBusyException {
        List<String> names = new ArrayList<>();
        try {
            Path key = canonical(file);
            if (Files.exists(key)) {
                BasicFileAttributes attributes = Files.readAttributes(key, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    return NONE;
                }
                if (attributes.fileKey() != null) {
                    names.add("file " + attributes.fileKey());
                }
            }
            names.add(0, key.toString());
            ArenaDirectories.createPrivate(locks);
        } catch (IOException e) {
            return NONE;
        }
        List<Held> held = new ArrayList<>();
        for (String name : names) {
            Held one;
            try {
                one = lockOne(locks.resolve(Fnv1a.hex(name) + ".lock"), file);
            } catch (FileBusyException e) {
                held.forEach(Held::release);
                throw e;
            }
            if (one == null) {
                held.forEach(Held::release);
                return NONE;
            }
            held.add(one);
        }
        return new WriteLock(List.copyOf(held));
    }

    /** The lock of one lock file; null when locks cannot be had there. */
    private static Held lockOne(Path lockFile, Path file) throws FileBusyException {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new FileBusyException(file, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new Held(channel, lock);
        } catch (FileBusyException e) {
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            return null;
        }
    }

    /** False when the file is written without a lock (see the class comment). */
    public boolean held() {
        return !held.isEmpty();
    }

    @Override
    public void close() {
        held.forEach(Held::release);
    }

    /** Null when another holds the lock; within one JVM the JDK says so with an exception. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return text.chars().allMatch(Character::isDigit) ? text : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The same file however it is named: the real directory, then the name (the file may not exist yet). */
    private static Path canonical(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return absolute.toRealPath();
        }
        Path parent = absolute.getParent();
        return parent == null ? absolute : parent.toRealPath().resolve(absolute.getFileName());
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing left to release.
            }
        }
    }
}
