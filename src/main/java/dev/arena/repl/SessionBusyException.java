package dev.arena.repl;

import java.io.IOException;

/** Another REPL, in this process or another, has the session open and writes it. */
public final class SessionBusyException extends IOException {

    SessionBusyException(String name, String holder) {
        super("session " + name + " is open in another arena chat" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                + "; leave that one first, or choose another --session");
    }
}
