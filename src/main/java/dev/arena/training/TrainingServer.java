package dev.arena.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A loopback stand-in for an OpenAI-compatible server, just enough for the training run: a model
 * list, and a streamed answer shaped like OpenRouter's (a keep-alive comment, a role chunk, content
 * chunks with escapes and multi-byte text, a finish reason, a usage chunk with a cost, and
 * {@code [DONE]}), so that every class a real answer needs is loaded while the archive records.
 * Beside it, a port that hangs up on every connection, for a TLS handshake that gets as far as
 * the client's hello. It never answers anyone but this process: both listen on the loopback
 * address only, on free ports, for the few seconds the run takes.
 *
 * <p>It speaks HTTP/1.1 over a plain socket rather than through the JDK's HTTP server, because
 * whatever classes the training loads end up in the archive, and Java 25 loads every archived
 * class at each start: a server's classes there would slow every run of arena.
 */
final class TrainingServer implements AutoCloseable {

    /** The one model the server knows. */
    static final String MODEL = "arena/training";

    /** Enough content chunks for the hot path to be compiled and profiled, as in a real answer. */
    private static final int CONTENT_CHUNKS = 2_000;

    private static final String[] PIECES = {"Hello", ", ", "w\u00f6rld", " \ud83d\udc4b", "\\n", "\\\"quoted\\\"", " \\u00e9t\\u00e9"};

    private final ServerSocket http;
    private final ServerSocket hangUp;

    private TrainingServer(ServerSocket http, ServerSocket hangUp) {
        this.http = http;
        this.hangUp = hangUp;
    }

    static TrainingServer start() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        TrainingServer server = new TrainingServer(new ServerSocket(0, 50, loopback), new ServerSocket(0, 50, loopback));
        daemon("arena-training-server", () -> server.serve());
        daemon("arena-training-hang-up", () -> server.hangUpOnEveryone());
        return server;
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The base URL of the streaming server, {@code http://127.0.0.1:PORT/v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + http.getLocalPort() + "/v1";
    }

    /** An {@code https} base URL whose server closes each connection as soon as the client's hello arrives. */
    String hangUpUrl() {
        return "https://127.0.0.1:" + hangUp.getLocalPort() + "/v1";
    }

    /** One request per connection, answered and closed: all a training chat needs. */
    private void serve() {
        while (!http.isClosed()) {
            try (Socket socket = http.accept()) {
                String path = readRequest(socket.getInputStream());
                boolean models = path.endsWith("/models");
                reply(socket.getOutputStream(), models ? "application/json" : "text/event-stream",
                        models ? modelList() : stream());
            } catch (IOException closedOrReset) {
                // Closed by close(), or the client gave up: either way, next.
            }
        }
    }

    /** Reads the request line, the headers and any body; returns the path. */
    private static String readRequest(InputStream in) throws IOException {
        String requestLine = line(in);
        int contentLength = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                contentLength = Integer.parseInt(header.substring(15).strip());
            }
        }
        in.readNBytes(contentLength);
        String[] parts = requestLine.split(" ");
        return parts.length > 1 ? parts[1] : "";
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

    /** The body in one chunk of a chunked response, as a streaming server frames it. */
    private static void reply(OutputStream out, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + Integer.toHexString(bytes.length) + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private void hangUpOnEveryone() {
        while (!hangUp.isClosed()) {
            try (Socket socket = hangUp.accept()) {
                socket.getInputStream().read();
            } catch (IOException closedOrReset) {
                // Closed by close(), or the client gave up first: either way, next.
            }
        }
    }

    private static String modelList() {
        return "{\"data\":[{\"id\":\"" + MODEL + "\",\"name\":\"arena: training\",\"context_length\":8192,"
                + "\"pricing\":{\"prompt\":\"0.000001\",\"completion\":\"0.000002\"}}]}";
    }

    private static String stream() {
        StringBuilder sse = new StringBuilder(": OPENROUTER PROCESSING\n\n");
        event(sse, "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null");
        for (int i = 0; i < CONTENT_CHUNKS; i++) {
            event(sse, "\"delta\":{\"role\":\"assistant\",\"content\":\"" + PIECES[i % PIECES.length]
                    + "\"},\"finish_reason\":null,\"native_finish_reason\":null,\"logprobs\":null");
        }
        event(sse, "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":\"stop\"");
        sse.append("data: {\"id\":\"gen-training\",\"model\":\"").append(MODEL).append("\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2001,\"total_tokens\":2013,\"cost\":0.004}}\n\n");
        return sse.append("data: [DONE]\n\n").toString();
    }

    private static void event(StringBuilder sse, String choice) {
        sse.append("data: {\"id\":\"gen-training\",\"provider\":\"Training\",\"model\":\"").append(MODEL)
                .append("\",\"object\":\"chat.completion.chunk\",\"created\":1,\"choices\":[{\"index\":0,")
                .append(choice).append("}]}\n\n");
    }

    @Override
    public void close() throws IOException {
        http.close();
        hangUp.close();
    }
}
