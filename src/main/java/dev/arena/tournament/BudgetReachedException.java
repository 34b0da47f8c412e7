package dev.arena.tournament;

import java.math.BigDecimal;

/**
 * A debate was not started because the most it may cost could take the spending past the
 * budget: no new debate starts, those running finish, and a resume with a larger budget goes on.
 */
public final class BudgetReachedException extends RuntimeException {

    public BudgetReachedException(BigDecimal limit) {
        super("the budget of $" + limit.stripTrailingZeros().toPlainString()
                + " is reached: the next debate could pass it");
    }
}
