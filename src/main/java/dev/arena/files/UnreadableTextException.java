package dev.arena.files;

import java.io.IOException;

/**
 * A file arena reads as text is too large, not UTF-8, or a directory. The message is the whole
 * sentence, naming the file as the caller does ("the key file /x/key is larger than 64 KiB").
 */
public final class UnreadableTextException extends IOException {

    UnreadableTextException(String sentence) {
        super(sentence);
    }
}
