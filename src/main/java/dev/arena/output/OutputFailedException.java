package dev.arena.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * A write failed for a reason other than a closed pipe: a full disk, an I/O error. Unlike
 * {@link OutputClosedException} this is never a quiet end: the request stops, the user is told,
 * and arena exits 1. Unchecked so that it travels up through the streaming callbacks.
 */
public final class OutputFailedException extends RuntimeException {

    public OutputFailedException(IOException cause) {
        super("cannot write the output (" + reason(cause) + ")", cause);
    }

    /** Why the write failed, for the user's sentence: "no space left on device". */
    public String reason() {
        return reason((IOException) getCause());
    }

    /**
     * The reason of any failed write, lower-cased to sit inside a sentence. The JDK's file
     * system exceptions carry the file's name as their message and the reason apart, or none.
     */
    public static String reason(IOException e) {
        String reason;
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason();
        } else if (e instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else {
            reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        }
        return Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}
