package dev.arena.tournament;

import java.math.BigDecimal;

/**
 * A request was not started because it could take the spending past the budget. It stops
 * the debate that asked for it (kept, to be finished on a resume) and every debate not yet begun.
 */
public final class BudgetReachedException extends RuntimeException {

    public BudgetReachedException(BigDecimal limit) {
        super("the budget of $" + limit.stripTrailingZeros().toPlainString()
                + " is reached: the next request could pass it");
    }
}
