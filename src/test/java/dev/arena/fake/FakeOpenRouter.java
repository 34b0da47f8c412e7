package dev.arena.fake;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable stand-in for OpenRouter's chat-completions endpoint, for unit tests of the HTTP
 * client and end-to-end tests of the CLI (via {@code --base-url}).
 *
 * <p>It is built on a raw {@link ServerSocket} rather than an HTTP server library because the faults
 * worth testing live below HTTP: resets, stalls, and exactly where TCP writes split the stream.
 */
public final class FakeOpenRouter implements AutoCloseable {

    private static final String CHAT_PATH = "/api/v1/chat/completions";
    private static final String MODELS_PATH = "/api/v1/models";

    private final ServerSocket serverSocket;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fake-openrouter");
        thread.setDaemon(true); // a test that forgets close() must not keep the JVM alive
        return thread;
    });
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final List<RecordedRequest> recorded = new ArrayList<>();
    private final AtomicInteger connectionsAccepted = new AtomicInteger();
    private volatile String requiredKey;
    /** Null until a test sets one: then {@link #defaultModels()} answers. */
    private volatile Reply modelsReply;

    private FakeOpenRouter(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    /** Starts serving on 127.0.0.1 at an ephemeral port. */
    public static FakeOpenRouter start() {
        return start(0);
    }

    /** Starts serving on 127.0.0.1 at this port (0: any free one). */
    public static FakeOpenRouter start(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true); // a fixed --port can be reused right after a restart
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
            FakeOpenRouter fake = new FakeOpenRouter(socket);
            fake.threads.execute(fake::acceptLoop);
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start fake OpenRouter", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/api/v1";
    }

    /**
     * Queues replies for a model id: each request takes the next one, and the last is repeated for
     * any later requests. Scripting the same model again appends to its queue.
     */
    public FakeOpenRouter script(String model, Reply... replies) {
        if (replies.length == 0) {
            throw new IllegalArgumentException("script needs at least one reply for " + model);
        }
        scripts.computeIfAbsent(model, m -> new Script()).add(replies);
        return this;
    }

    /**
     * From now on, {@code GET /models} answers 200 with this exact JSON body. By default it
     * answers {@link FakeModels#OPENROUTER} plus every scripted model (by id alone), so that
     * arena's check of model ids passes for the models a test scripted.
     */
    public FakeOpenRouter models(String jsonBody) {
        return modelsReply(Reply.json(jsonBody));
    }

    /** From now on, {@code GET /models} gets this reply: an error, a reset, a stall. */
    public FakeOpenRouter modelsReply(Reply reply) {
        this.modelsReply = reply;
        return this;
    }

    /** The {@code GET /models} requests received so far. */
    public List<RecordedRequest> modelsRequests() {
        return requests().stream().filter(r -> r.path().split("\\?", 2)[0].equals(MODELS_PATH)).toList();
    }

    /** From now on, requests must carry {@code Authorization: Bearer <key>} or get a 401. */
    public FakeOpenRouter requireKey(String key) {
        this.requiredKey = key;
        return this;
    }

    /** Every request received so far, in arrival order, including those answered with errors. */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** The requests whose JSON body named this model. */
    public List<RecordedRequest> requestsFor(String model) {
        return requests().stream().filter(request -> model.equals(modelOf(request))).toList();
    }

    /** How many TCP connections clients opened, to check that they reuse them (keep-alive). */
    public int connectionsAccepted() {
        return connectionsAccepted.get();
    }

    /** Stops listening and drops every open connection, stalled ones included, without waiting. */
    @Override
    public void close() {
        closeQuietly(serverSocket);
        openSockets.forEach(FakeOpenRouter::closeQuietly); // unblocks handlers stalled in read()
        threads.shutdownNow(); // interrupts handlers sleeping between events
    }

    /**
     * Serves model "fake/echo" (echoing the last user message) for manual tries of the CLI.
     * Usage: {@code --port N} (default 0, any free port). Prints the base URL, then serves until killed.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: FakeOpenRouter [--port N]");
                System.exit(2);
            }
        }
        FakeOpenRouter fake = start(port).script("fake/echo", Reply.echo());
        System.out.println(fake.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await(); // serving threads are daemons: keep the JVM up until killed
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return; // close() closed the listening socket
            }
            connectionsAccepted.incrementAndGet();
            openSockets.add(socket);
            try {
                threads.execute(() -> serveConnection(socket));
            } catch (RuntimeException e) { // rejected: close() ran meanwhile
                openSockets.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    /** Serves requests on one connection until the client closes it (keep-alive) or a reply ends it. */
    private void serveConnection(Socket socket) {
        try (HttpConnection connection = new HttpConnection(socket)) {
            RecordedRequest request;
            while ((request = connection.readRequest()) != null) {
                synchronized (recorded) {
                    recorded.add(request); // before replying: a stalled reply is still visible to tests
                }
                boolean open = respond(connection, request);
                if (!open || "close".equalsIgnoreCase(request.header("connection"))) {
                    break;
                }
            }
        } catch (IOException e) {
            // The client went away mid-reply, or close() pulled the socket: both are normal here.
        } finally {
            openSockets.remove(socket);
        }
    }

    private boolean respond(HttpConnection connection, RecordedRequest request) throws IOException {
        String path = request.path().split("\\?", 2)[0];
        boolean models = request.method().equals("GET") && path.equals(MODELS_PATH);
        if (!models && (!request.method().equals("POST") || !path.equals(CHAT_PATH))) {
            return serve(Reply.errorMessage(404, "Not Found"), connection, null, null);
        }
        String authFailure = authFailure(request.header("authorization"));
        if (authFailure != null) {
            return serve(Reply.errorMessage(401, authFailure), connection, null, null);
        }
        if (models) {
            Reply reply = modelsReply;
            return serve(reply != null ? reply : defaultModels(), connection, null, null);
        }
        JsonObject body;
        try {
            body = request.json();
        } catch (JsonParseException | IllegalStateException e) {
            return serve(Reply.errorMessage(400, "Invalid JSON in request body"), connection, null, null);
        }
        String model = modelOf(body);
        Script script = model == null ? null : scripts.get(model);
        Reply reply = script == null ? notAValidModel(model) : script.next();
        return serve(reply, connection, body, model);
    }

    /** {@link FakeModels#OPENROUTER} and, by id alone, each scripted model it does not list. */
    private Reply defaultModels() {
        JsonObject body = com.google.gson.JsonParser.parseString(FakeModels.OPENROUTER).getAsJsonObject();
        com.google.gson.JsonArray data = body.getAsJsonArray("data");
        Set<String> listed = new java.util.HashSet<>();
        data.forEach(m -> listed.add(m.getAsJsonObject().get("id").getAsString()));
        scripts.keySet().stream().sorted().filter(id -> !listed.contains(id)).forEach(id -> {
            JsonObject model = new JsonObject();
            model.addProperty("id", id);
            data.add(model);
        });
        return Reply.json(Chunks.GSON.toJson(body));
    }

    private static boolean serve(Reply reply, HttpConnection connection, JsonObject body, String model)
            throws IOException {
        return reply.serve(new Reply.Exchange(connection, body, model));
    }

    /** Null if the key is acceptable, else OpenRouter's message for what is wrong with it. */
    private String authFailure(String authorization) {
        String key = requiredKey;
        if (key == null) {
            return null;
        }
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() == 7) {
            return "Missing Authentication header";
        }
        return authorization.substring(7).equals(key) ? null : "User not found.";
    }

    /** OpenRouter's answer to an unknown model, with its extra top-level user_id (protocol §3). */
    private static Reply notAValidModel(String model) {
        JsonObject error = new JsonObject();
        error.addProperty("message", model + " is not a valid model ID");
        error.addProperty("code", 400);
        JsonObject body = new JsonObject();
        body.add("error", error);
        body.addProperty("user_id", "user_2fake");
        return Reply.error(400, Chunks.GSON.toJson(body));
    }

    private static String modelOf(RecordedRequest request) {
        try {
            return modelOf(request.json());
        } catch (JsonParseException | IllegalStateException e) {
            return null; // not a JSON object: cannot name a model
        }
    }

    private static String modelOf(JsonObject body) {
        JsonElement model = body.get("model");
        return model != null && model.isJsonPrimitive() ? model.getAsString() : null;
    }

    private static void closeQuietly(Closeable socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    /** One model's queue of replies; the last one taken is repeated once the queue runs dry. */
    private static final class Script {
        private final Deque<Reply> pending = new ArrayDeque<>();
        private Reply last;

        synchronized void add(Reply... replies) {
            pending.addAll(Arrays.asList(replies));
        }

        synchronized Reply next() {
            if (!pending.isEmpty()) {
                last = pending.poll();
            }
            return last;
        }
    }
}
