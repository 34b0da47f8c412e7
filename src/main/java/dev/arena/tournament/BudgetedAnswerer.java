package dev.arena.tournament;

import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.resilience.Answer;
import dev.arena.resilience.Answerer;
import dev.arena.resilience.ChainFailedException;
import dev.arena.resilience.ChainListener;
import dev.arena.resilience.RequestTag;

import java.util.List;

/**
 * An answerer that asks the {@link Budget} before every request: the request's most possible
 * cost is reserved first and settled with what it really cost, so requests running at once in
 * many debates never pass the limit together. A refused request is never sent.
 */
public final class BudgetedAnswerer implements Answerer {

    private final Answerer answerer;
    private final Budget budget;
    private final CostBound costs;
    private final int defaultMaxTokens;

    /** {@code defaultMaxTokens} bounds a request that names no max tokens of its own. */
    public BudgetedAnswerer(Answerer answerer, Budget budget, CostBound costs, int defaultMaxTokens) {
        this.answerer = answerer;
        this.budget = budget;
        this.costs = costs;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    @Override
    public Answer answer(ChatRequest request, List<String> models, ChainListener listener, Cancellation cancel,
                         RequestTag tag) throws ChainFailedException, HttpStatusException, CancelledException {
        cancel.throwIfCancelled();
        // The tournament refuses --budget when a price is unknown, so a limited budget always has
        // a bound here; an unlimited one refuses nothing, and an unknown bound counts as nothing.
        double most = costs.request(request, models, defaultMaxTokens).orElse(0.0);
        Budget.Reservation reservation = budget.reserve(most);
        Double cost = null;
        try {
            Answer answer = answerer.answer(request, models, listener, cancel, tag);
            cost = answer.completion() == null || answer.completion().usage() == null ? null
                    : answer.completion().usage().cost();
            return answer;
        } catch (ChainFailedException e) {
            // Failures before any text cost nothing; one after text was shown may have.
            cost = e.partialAnswer().isEmpty() ? 0.0 : null;
            throw e;
        } catch (HttpStatusException e) {
            cost = 0.0; // refused before anything was generated
            throw e;
        } finally {
            reservation.settle(cost);
        }
    }

    @Override
    public int answerLimit() {
        return answerer.answerLimit();
    }
}
