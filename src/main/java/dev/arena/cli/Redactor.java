package dev.arena.cli;

/**
 * Removes the API key from any text arena prints. The client never prints it, but a
 * server may echo it back in an error message, and that text reaches the user.
 */
final class Redactor {

    private final String secret;

    Redactor(String secret) {
        this.secret = secret == null || secret.length() < 8 ? null : secret;
    }

    String redact(String text) {
        return secret == null || text == null ? text : text.replace(secret, "[redacted]");
    }
}
