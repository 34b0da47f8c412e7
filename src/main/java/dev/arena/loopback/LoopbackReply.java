package dev.arena.loopback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The answer to one {@link LoopbackRequest}, chunked as a streaming server frames it, and
 * closed after: either a whole body at once, or a stream of pieces each sent as it is written.
 */
public final class LoopbackReply {

    private final OutputStream out;

    LoopbackReply(OutputStream out) {
        this.out = out;
    }

    /** The whole body, in one chunk. */
    public void send(int status, String type, String body) throws IOException {
        start(status, type);
        write(body);
        end();
    }

    /** The status line and headers; then {@link #write} each piece and {@link #end}. */
    public void start(int status, String type) throws IOException {
        String head = "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Error") + "\r\nContent-Type: " + type
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One piece of the body, sent at once. */
    public void write(String piece) throws IOException {
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return; // an empty chunk would end the body
        }
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The end of the body. */
    public void end() throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
