package dev.arena.resilience;

import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.HttpStatusException;

import java.util.List;

/**
 * Gets one answer through a chain of models, recorded under {@code tag}: the seam between what
 * asks (a chat, a debate, a judge) and how it is asked. {@link FallbackChain} is the real one;
 * tests answer from a script, without HTTP.
 */
@FunctionalInterface
public interface Answerer {

    /**
     * Asks {@code models} in order for the answer to {@code request} (whose own model is
     * ignored) and streams it into {@code listener}.
     *
     * @throws HttpStatusException  for 401 or 402
     * @throws ChainFailedException when every model failed; what was shown stays shown
     * @throws CancelledException   when {@code cancel} was cancelled
     */
    Answer answer(ChatRequest request, List<String> models, ChainListener listener, Cancellation cancel, RequestTag tag)
            throws ChainFailedException, HttpStatusException, CancelledException;

    /**
     * The most characters of an answer this answerer reads ({@link Integer#MAX_VALUE}: no limit).
     * An answer that reached it ends there, with {@link dev.arena.openrouter.Completion#CUT} as its
     * finish reason.
     */
    default int answerLimit() {
        return Integer.MAX_VALUE;
    }
}
