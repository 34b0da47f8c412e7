package dev.arena.fake;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand over one socket, so the fake decides every byte and every TCP write.
 *
 * <p>Writes go straight to the socket's unbuffered stream: each call below is exactly one
 * {@code send()}, and with TCP_NODELAY the client sees each one as soon as it is made. That is what
 * lets replies split a UTF-8 character across network reads, or stop at a precise point.
 */
final class HttpConnection implements Closeable {

    private static final byte[] CRLF = {'\r', '\n'};

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Reads the next request on this connection, or returns null if the client closed it first. */
    RecordedRequest readRequest() throws IOException {
        String requestLine = readLine();
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("bad request line: " + requestLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                // Upgrade: h2c and HTTP2-Settings land here like any header and are simply not acted
                // upon: answering in plain HTTP/1.1 is how a server declines the upgrade.
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            write(ascii("HTTP/1.1 100 Continue\r\n\r\n"));
        }
        byte[] body = readBody(headers);
        return new RecordedRequest(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] readBody(Map<String, String> headers) throws IOException {
        String transferEncoding = headers.getOrDefault("transfer-encoding", "");
        if (transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunkedBody();
        }
        String length = headers.get("content-length");
        return length == null ? new byte[0] : readExactly(Integer.parseInt(length.trim()));
    }

    private byte[] readExactly(int n) throws IOException {
        byte[] data = in.readNBytes(n);
        if (data.length < n) {
            throw new EOFException("request body cut short");
        }
        return data;
    }

    private byte[] readChunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = requireLine();
            int semicolon = sizeLine.indexOf(';'); // chunk extensions carry nothing we need
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!requireLine().isEmpty()) {
                    // trailer fields: none that matter here
                }
                return body.toByteArray();
            }
            body.writeBytes(readExactly(size));
            requireLine();
        }
    }

    /** A status line and headers alone, then a body of {@link #sendChunk} calls. */
    void startChunked(int status, Map<String, String> headers) throws IOException {
        StringBuilder head = statusAndHeaders(status, headers);
        head.append("Transfer-Encoding: chunked\r\n\r\n");
        write(head.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** One HTTP chunk in one TCP write, so the client can read it the moment it is sent. */
    void sendChunk(byte[] data) throws IOException {
        if (data.length == 0) {
            return; // an empty chunk would mean end of body
        }
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(data.length + 12);
        chunk.writeBytes(ascii(Integer.toHexString(data.length)));
        chunk.writeBytes(CRLF);
        chunk.writeBytes(data);
        chunk.writeBytes(CRLF);
        write(chunk.toByteArray());
    }

    /**
     * The chunked body as a stream for bulk replies: each {@code write} call becomes one HTTP chunk
     * in one TCP write, so wrapping it in a {@link java.io.BufferedOutputStream} of, say, 64 KB
     * sends 64 KB chunks instead of one chunk per event. Closing it does nothing; end the body with
     * {@link #endChunked()}.
     */
    OutputStream chunkedBody() {
        return new OutputStream() {
            private byte[] frame = new byte[0];

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] data, int off, int len) throws IOException {
                if (len == 0) {
                    return; // an empty chunk would mean end of body
                }
                byte[] size = ascii(Integer.toHexString(len) + "\r\n");
                int total = size.length + len + 2;
                if (frame.length < total) {
                    frame = new byte[total];
                }
                System.arraycopy(size, 0, frame, 0, size.length);
                System.arraycopy(data, off, frame, size.length, len);
                frame[total - 2] = '\r';
                frame[total - 1] = '\n';
                out.write(frame, 0, total);
            }
        };
    }

    void endChunked() throws IOException {
        write(ascii("0\r\n\r\n"));
    }

    /** A complete response with a Content-Length body, in one write. */
    void sendFixed(int status, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = statusAndHeaders(status, headers);
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        response.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        response.writeBytes(body);
        write(response.toByteArray());
    }

    /**
     * Blocks, sending nothing, until the client closes the connection or the fake is closed
     * (which closes the socket under this read). Whatever the client sends meanwhile is discarded.
     */
    void awaitClientGone() throws IOException {
        while (in.read() >= 0) {
            // discard
        }
    }

    /** Aborts the connection with a TCP RST instead of an orderly FIN. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush(); // a no-op on a socket stream today; kept so a buffered stream could never creep in
    }

    private static StringBuilder statusAndHeaders(int status, Map<String, String> headers) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
                .append(reasonPhrase(status)).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> ""; // HTTP/1.1 allows an empty reason phrase (e.g. Cloudflare's 524, 529)
        };
    }

    /** A line of a request head, without its CRLF (or bare LF); null at end of stream. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private String requireLine() throws IOException {
        String line = readLine();
        if (line == null) {
            throw new EOFException("connection closed inside a request");
        }
        return line;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
