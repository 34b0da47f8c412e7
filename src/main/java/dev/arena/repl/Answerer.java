package dev.arena.repl;

import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.resilience.Answer;
import dev.arena.resilience.ChainFailedException;
import dev.arena.resilience.ChainListener;
import dev.arena.resilience.RequestTag;

import java.util.List;

/** Gets one answer through a chain of models, recorded under {@code tag}: {@code FallbackChain::answer}. */
@FunctionalInterface
public interface Answerer {

    Answer answer(ChatRequest request, List<String> models, ChainListener listener, Cancellation cancel, RequestTag tag)
            throws ChainFailedException, HttpStatusException, CancelledException;
}
