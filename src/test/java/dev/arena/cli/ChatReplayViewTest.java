package dev.arena.cli;

import dev.arena.openrouter.Usage;
import dev.arena.output.TextSink;
import dev.arena.transcript.Exchange;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A stored chat at the terminal: the prompt after "> ", the answer through the live view, its usage line or its failure. */
class ChatReplayViewTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void eachPromptThenItsAnswerAsTheLiveViewShowsIt() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        DumbTerminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(new byte[0]), screen,
                StandardCharsets.UTF_8);
        ChatReplayView view = new ChatReplayView(terminal, new TextSink(errBytes), false, true);
        view.promptSent("Say\nhello \u001b[2J", "m/asked", T0);
        view.answerStarted("m/one", T0.plusMillis(100));
        view.delta("Hello ");
        view.delta("world");
        view.answerEnded(new Exchange("Say hello", "m/asked", "m/one", "Hello world", new Usage(10, 2, 0.000012), T0,
                T0.plusMillis(100), T0.plusMillis(1400), "complete", null));
        view.promptSent("again", "m/asked", T0.plusSeconds(5));
        view.answerStarted("m/asked", T0.plusSeconds(5));
        view.delta("Hal");
        view.answerEnded(new Exchange("again", "m/asked", null, "Hal", Usage.NONE, T0.plusSeconds(5), null,
                T0.plusSeconds(6), "interrupted", "arena stopped before it ended"));
        terminal.flush();
        assertEquals("\n> Say\n> hello\n\nHello world\nm/one · 10 in, 2 out tokens · $0.000012 · 1.4s\n"
                + "\n> again\n\nHal\n", screen.toString(StandardCharsets.UTF_8));
        assertEquals("arena: this answer did not complete (interrupted): arena stopped before it ended\n",
                errBytes.toString(StandardCharsets.UTF_8));
    }
}
