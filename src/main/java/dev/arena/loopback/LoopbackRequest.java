package dev.arena.loopback;

/** One request as a {@link LoopbackServer} read it: {@code path} as on the request line, {@code body} as UTF-8 text. */
public record LoopbackRequest(String method, String path, String body) {
}
