package dev.arena.repl;

/** {@code --cid} named a debate: only chats are continued. The message is the sentence. */
public final class NotAChatException extends Exception {

    private static final long serialVersionUID = 1L;

    NotAChatException(String id) {
        super(id + " is a debate; continue chats only");
    }
}
