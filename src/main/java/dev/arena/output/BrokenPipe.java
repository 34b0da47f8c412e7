package dev.arena.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;

/**
 * Tells a write to a pipe whose reader went away (EPIPE, {@code arena ... | head}) from every
 * other failed write (a full disk, an I/O error). The JDK keeps no errno: the IOException's
 * message is the C library's text for it, "Broken pipe" in English but translated under
 * another locale (the JVM sets the locale from the environment). So the text is also learnt
 * from this very JVM, once, by writing to a pipe whose reading end is closed, and a failure
 * counts as a closed pipe when its message is either.
 */
final class BrokenPipe {

    static final String ENGLISH = "Broken pipe";

    private BrokenPipe() {
    }

    static boolean is(IOException e) {
        String message = e.getMessage();
        return ENGLISH.equals(message) || message != null && message.equals(Local.MESSAGE);
    }

    /** Learnt on first use only: a failed write is rare, and start-up must not pay for the probe. */
    private static final class Local {
        static final String MESSAGE = probe();

        private static String probe() {
            try {
                Pipe pipe = Pipe.open();
                pipe.source().close();
                try (Pipe.SinkChannel sink = pipe.sink()) {
                    sink.write(ByteBuffer.wrap(new byte[1]));
                }
            } catch (IOException e) {
                return e.getMessage() == null ? ENGLISH : e.getMessage();
            }
            return ENGLISH;
        }
    }
}
