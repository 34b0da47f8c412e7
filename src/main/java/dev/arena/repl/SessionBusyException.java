package dev.arena.repl;

import java.io.IOException;

/** Another chat, in this process or another, has the session open and writes it. */
public final class SessionBusyException extends IOException {

    /** {@code what} names it: "session work", or "conversation ID" for one without a name. */
    SessionBusyException(String what, String holder) {
        super(what + " is open in another arena chat" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                + "; leave that one first, or choose another --session");
    }
}
