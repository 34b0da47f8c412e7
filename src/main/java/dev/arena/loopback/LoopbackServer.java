package dev.arena.loopback;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A small HTTP/1.1 server on a free port of the loopback address, for the stand-in servers
 * arena runs inside itself (the class-data-sharing training, {@code arena demo}): it answers
 * one request per connection, one connection at a time, and nobody but this machine can reach it.
 *
 * <p>It speaks HTTP over a plain socket rather than through the JDK's HTTP server, because
 * whatever classes the training run loads end up in the class-data-sharing archive, and Java 25
 * loads every archived class at each start: a server's classes there would slow every run of arena.
 */
public final class LoopbackServer implements AutoCloseable {

    /** What answers each request; an {@link IOException} (the client went away) drops that connection only. */
    public interface Handler {
        void handle(LoopbackRequest request, LoopbackReply reply) throws IOException;
    }

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final ServerSocket socket;
    private final Handler handler;

    private LoopbackServer(ServerSocket socket, Handler handler) {
        this.socket = socket;
        this.handler = handler;
    }

    /** Starts serving on a daemon thread named {@code threadName}, so it never keeps arena running. */
    public static LoopbackServer start(String threadName, Handler handler) throws IOException {
        LoopbackServer server = new LoopbackServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), handler);
        Thread thread = new Thread(server::serve, threadName);
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    /** The base URL of an OpenAI-compatible API here, {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                // Another process on this machine may connect and say nothing: it must not hold the server.
                connection.setSoTimeout(READ_TIMEOUT_MILLIS);
                handler.handle(read(connection.getInputStream()), new LoopbackReply(connection.getOutputStream()));
            } catch (IOException | RuntimeException closedResetOrNonsense) {
                // Closed by close(), the client gave up, or its request made no sense: either way, next.
            }
        }
    }

    /** Reads the request line, the headers and the body. */
    private static LoopbackRequest read(InputStream in) throws IOException {
        String requestLine = line(in);
        int contentLength = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                contentLength = Integer.parseInt(header.substring(15).strip());
            }
        }
        String body = new String(in.readNBytes(contentLength), StandardCharsets.UTF_8);
        String[] parts = requestLine.split(" ");
        return new LoopbackRequest(parts[0], parts.length > 1 ? parts[1] : "", body);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
