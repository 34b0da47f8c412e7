package dev.arena.training;

import dev.arena.loopback.LoopbackReply;
import dev.arena.loopback.LoopbackRequest;
import dev.arena.loopback.LoopbackServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback stand-in for an OpenAI-compatible server, just enough for the training run: a model
 * list, and a streamed answer shaped like OpenRouter's (a keep-alive comment, a role chunk, content
 * chunks with escapes and multi-byte text, a finish reason, a usage chunk with a cost, and
 * {@code [DONE]}), so that every class a real answer needs is loaded while the archive records.
 * Beside it, a port that hangs up on every connection, for a TLS handshake that gets as far as
 * the client's hello. It never answers anyone but this process: both listen on the loopback
 * address only, on free ports, for the few seconds the run takes.
 */
final class TrainingServer implements AutoCloseable {

    /** The one model the server knows. */
    static final String MODEL = "arena/training";

    /** Enough content chunks for the hot path to be compiled and profiled, as in a real answer. */
    private static final int CONTENT_CHUNKS = 2_000;

    private static final String[] PIECES = {"Hello", ", ", "w\u00f6rld", " \ud83d\udc4b", "\\n", "\\\"quoted\\\"", " \\u00e9t\\u00e9"};

    private final LoopbackServer http;
    private final ServerSocket hangUp;

    private TrainingServer(LoopbackServer http, ServerSocket hangUp) {
        this.http = http;
        this.hangUp = hangUp;
    }

    static TrainingServer start() throws IOException {
        LoopbackServer http = LoopbackServer.start("arena-training-server", TrainingServer::answer);
        TrainingServer server = new TrainingServer(http, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread hangUp = new Thread(server::hangUpOnEveryone, "arena-training-hang-up");
        hangUp.setDaemon(true);
        hangUp.start();
        return server;
    }

    /** The base URL of the streaming server, {@code http://127.0.0.1:PORT/v1}. */
    String baseUrl() {
        return http.baseUrl();
    }

    /** An {@code https} base URL whose server closes each connection as soon as the client's hello arrives. */
    String hangUpUrl() {
        return "https://127.0.0.1:" + hangUp.getLocalPort() + "/v1";
    }

    /** The model list, or a streamed answer: all a training chat asks for. */
    private static void answer(LoopbackRequest request, LoopbackReply reply) throws IOException {
        if (request.path().endsWith("/models")) {
            reply.send(200, "application/json", modelList());
        } else {
            reply.send(200, "text/event-stream", stream());
        }
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
