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

/**
 * An OS lock that says "an arena process is writing this file", so that a second arena
 * writing the same transcript or session is refused instead of interleaving with the first
 * (two debates sharing {@code -o} lost one transcript; two REPLs sharing {@code --session}
 * lost turns).
 *
 * <p>The lock is not taken on the file itself: a {@code .json} transcript or a session is
 * replaced by rename at every step, and a lock on the old file would not guard the new one.
 * It is taken on a lock file in arena's state directory named after a hash of the file's
 * canonical path, which stays put; the OS drops the lock when the process ends, even after
 * {@code kill -9}, so a lock file left behind locks nothing. The lock file holds the pid of
 * the writer, for the message. Only regular files (or files still to be made) are locked:
 * two writers of {@code /dev/stdout} or of a FIFO are not a conflict.
 *
 * <p>Where no lock can be had (a state directory that cannot be written, a file system
 * without locks) the write goes on unlocked: a lock must not cost the user the run.
 */
public final class WriteLock implements AutoCloseable {

    private static final WriteLock NONE = new WriteLock(null, null);

    private final FileChannel channel;
    private final FileLock lock;

    private WriteLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code file} for writing by this process until {@link #close()}.
     *
     * @param locks where lock files live ({@link ArenaDirectories#locks})
     * @throws FileBusyException when another arena (another process, or another writer in this
     *                           one) holds the lock
     */
    public static WriteLock acquire(Path locks, Path file) throws FileBusyException {
        Path key;
        try {
            key = canonical(file);
            if (Files.exists(key) && !Files.isRegularFile(key)) {
                return NONE;
            }
            ArenaDirectories.createPrivate(locks);
        } catch (IOException e) {
            return NONE;
        }
        Path lockFile = locks.resolve(Fnv1a.hex(key.toString()) + ".lock");
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
            return new WriteLock(channel, lock);
        } catch (FileBusyException e) {
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            return NONE;
        }
    }

    /** False when the file is written without a lock (see the class comment). */
    public boolean held() {
        return lock != null;
    }

    @Override
    public void close() {
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException e) {
                // Closing the channel below releases it too.
            }
            closeQuietly(channel);
        }
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
