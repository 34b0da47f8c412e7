package dev.arena.tournament;

import java.util.Locale;

/**
 * A request was not started because it could take the spending past the budget. It stops
 * the debate that asked for it (kept, to be finished on a resume) and every debate not yet begun.
 */
public final class BudgetReachedException extends RuntimeException {

    public BudgetReachedException(double limit, double spent) {
        super(String.format(Locale.ROOT, "the budget of $%.2f is reached ($%.4f spent, and the next request could pass it)",
                limit, spent));
    }
}
