package dev.arena.transcript;

import dev.arena.debate.FallbackNote;
import dev.arena.debate.Turn;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Small pieces of wording and arithmetic every transcript format shares. */
final class TranscriptText {

    private TranscriptText() {
    }

    /** How long a turn spoke; zero when a timestamp is missing. */
    static Duration elapsed(Turn turn) {
        return between(turn.startedAt(), turn.endedAt());
    }

    static Duration between(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return Duration.ZERO;
        }
        return Duration.between(from, to);
    }

    /** {@code openai/x failed (reason); openai/y continued the answer}. */
    static String fallback(FallbackNote note) {
        return note.fromModel() + " failed (" + oneLine(note.reason()) + "); " + note.toModel()
                + (note.continuing() ? " continued the answer" : " took over");
    }

    /** {@code 0.8}, {@code 1}, {@code 0.75}: a parameter as the user would type it. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Text for a single Markdown line: line breaks become spaces. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
