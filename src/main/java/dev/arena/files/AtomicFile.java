package dev.arena.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;

/**
 * Replaces a file's whole content at once: the new content goes to a temporary file in the
 * same directory (so the rename stays on one file system), is synced, and is renamed over the
 * target. A reader, or a crash, sees the old content or the new, never half of either.
 *
 * <p>Only a regular file, or nothing, is replaced. A rename over a symbolic link would drop
 * the link and leave its target stale; over a FIFO or a device (as root, {@code /dev/null})
 * it would put a plain file where the system expects something else; over a directory it
 * fails anyway. Like git, arena refuses those with a sentence and leaves them untouched.
 *
 * <p>The temporary file ({@code .NAME.RANDOM.tmp}) is created with the permissions the
 * {@link Visibility} asks for, so the renamed file has them too; it is removed on every
 * failure, a full disk included.
 */
public final class AtomicFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {
    }

    /**
     * Fails unless {@code file} is absent or a regular file (not followed through a link).
     *
     * @throws NotReplaceableException naming what is there instead
     */
    public static void checkReplaceable(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return;
        }
        if (attributes.isRegularFile()) {
            return;
        }
        throw new NotReplaceableException(file, attributes.isSymbolicLink() ? "a symbolic link"
                : attributes.isDirectory() ? "a directory" : "a FIFO, socket or device");
    }

    /**
     * "No such file" while making the temporary file: the directory is gone (never made, or
     * removed under arena), or it is one where no file can be made ({@code /proc}). Said of
     * the directory either way, since the JDK names the temporary file, which the user never
     * asked for.
     */
    private static IOException missingDirectory(Path target) {
        Path dir = target.getParent();
        return Files.isDirectory(dir)
                ? new FileSystemException(String.valueOf(target), null, "no file can be made in " + dir)
                : new NoSuchFileException(String.valueOf(dir));
    }

    /**
     * Fails as {@link #write} would, before anything is written: a file can be replaced there
     * ({@link #checkReplaceable}) and a temporary file can be made beside it, which is then
     * removed. For a file written later, such as a JSON transcript, so that a name that cannot
     * work is refused at the start as a streamed file's is.
     */
    public static void checkWritable(Path file, Visibility visibility) throws IOException {
        Path target = file.toAbsolutePath();
        checkReplaceable(target);
        Path temp;
        try {
            temp = createTemp(target, visibility);
        } catch (NoSuchFileException e) {
            throw missingDirectory(target);
        }
        Files.deleteIfExists(temp);
    }

    /**
     * A new empty temporary file beside {@code target}. {@code createTempFile} always makes it
     * 0600; a file for the user is made by {@code createFile}, which lets the umask decide.
     */
    private static Path createTemp(Path target, Visibility visibility) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        if (visibility == Visibility.PRIVATE) {
            return Files.createTempFile(target.getParent(), prefix, ".tmp");
        }
        while (true) {
            Path candidate = target.resolveSibling(prefix + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // Another writer's temporary file: draw another name.
            }
        }
    }

    /** {@link #write(Path, byte[], Visibility)} of UTF-8 text. */
    public static void write(Path file, String text, Visibility visibility) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8), visibility);
    }

    /**
     * Replaces {@code file} with {@code content}.
     *
     * @throws NotReplaceableException when something other than a regular file is there
     * @throws IOException             when the directory cannot be written (missing, read-only,
     *                                 full); the target is then as it was
     */
    public static void write(Path file, byte[] content, Visibility visibility) throws IOException {
        Path target = file.toAbsolutePath();
        checkReplaceable(target);
        Path temp;
        try {
            temp = createTemp(target, visibility);
        } catch (NoSuchFileException e) {
            throw missingDirectory(target);
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            // Checked again just before the rename: the first check may be a while ago.
            checkReplaceable(target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (NoSuchFileException e) {
            throw missingDirectory(target);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // The failure that brought us here is the one to report.
            }
        }
    }
}
