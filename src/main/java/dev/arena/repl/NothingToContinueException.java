package dev.arena.repl;

/** {@code -c} (or {@code --cid}) found no chat conversation to continue; the message is the sentence. */
public final class NothingToContinueException extends Exception {

    private static final long serialVersionUID = 1L;

    NothingToContinueException(String sentence) {
        super(sentence);
    }
}
