package dev.arena.output;

import dev.arena.resilience.Answer;
import dev.arena.resilience.ChainListener;

import java.util.List;

/** Shows one answer as it streams: on a terminal, on a pipe, or as JSON events. */
public interface AnswerView extends ChainListener {

    /** Before the first request: the models that may answer, in order. */
    void begin(List<String> models);

    /** The answer is complete. */
    void finish(Answer answer);

    /** The answer could not be completed: {@code sentence} says why, arena exits with {@code exitCode}. */
    void fail(String sentence, int exitCode);
}
