package dev.arena.training;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The training run must really exercise a chat: if its stand-in server stopped looking like an
 * OpenAI-compatible one, the chats would fail early and the archive would silently miss the
 * classes of a streamed answer.
 */
class TrainingRunTest {

    @Test
    void twoChatsAnswerAndTheTlsOneFailsAtTheHandshake() throws Exception {
        assertEquals(List.of(0, 0, 1, 0), TrainingRun.train());
    }
}
