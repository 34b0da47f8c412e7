package dev.arena.files;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file operation failed, as the end of a sentence that already names the file
 * ("cannot save the session to F: permission denied"). The JDK's messages are often only a
 * path (an {@code AccessDeniedException} names the temporary file, which the user never
 * asked for), so the reason is taken from the exception's type or its OS reason instead.
 */
public final class FileErrors {

    private FileErrors() {
    }

    public static String reason(IOException e) {
        if (e instanceof UnreadableTextException || e instanceof NotReplaceableException || e instanceof FileBusyException) {
            return e.getMessage();
        }
        if (e instanceof CharacterCodingException) {
            // The JDK's own text is "Input length = 1".
            return "it is not UTF-8 text";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + " does not exist";
        }
        // These two carry only a path: the JDK's message would be that path, with no reason.
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + (Files.isDirectory(Path.of(exists.getFile())) ? " already exists"
                    : " is in the way: it exists and is not a directory");
        }
        if (e instanceof NotDirectoryException notDirectory) {
            return notDirectory.getFile() + " is not a directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            String reason = fs.getReason();
            return reason.isEmpty() ? fs.getMessage() : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // The C library's text ("No space left on device") sits inside arena's sentence.
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
