package dev.arena.tournament;

import java.math.BigDecimal;

/**
 * The money a tournament may spend, shared by every debate running at once. A request is
 * started only when what was spent, plus the most that the requests still running may cost,
 * plus the most this one may cost, stays within the limit; so the limit holds even when every
 * running request uses its max tokens. Once one is refused no other starts: the tournament
 * stops taking new work and says what was spent. Sums are decimal, so twenty requests at
 * $0.001 make $0.02 exactly, and a limit of $0.02 admits them all.
 */
public final class Budget {

    /** No limit: every request starts, and what they cost is still counted. */
    public static Budget unlimited(double spent) {
        return new Budget(null, spent);
    }

    /** Null: no limit. */
    private final BigDecimal limit;
    private BigDecimal spent;
    private BigDecimal reserved = BigDecimal.ZERO;
    private boolean reached;

    /** {@code spent}: what the tournament's earlier runs spent already. */
    public Budget(double limit, double spent) {
        this(checked(limit), spent);
    }

    private Budget(BigDecimal limit, double spent) {
        this.limit = limit;
        this.spent = BigDecimal.valueOf(spent);
    }

    private static BigDecimal checked(double limit) {
        if (!(limit >= 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("a budget is zero or more dollars");
        }
        return BigDecimal.valueOf(limit);
    }

    /** A request that may cost up to {@code maxCost}: reserved now, settled when it ends. */
    public final class Reservation {
        private final BigDecimal max;
        private boolean settled;

        private Reservation(BigDecimal max) {
            this.max = max;
        }

        /**
         * The request ended having cost {@code cost}; null when nobody knows, which counts as the
         * most it could have cost, so an unknown price never lets the budget be overrun.
         */
        public void settle(Double cost) {
            synchronized (Budget.this) {
                if (settled) {
                    return;
                }
                settled = true;
                reserved = reserved.subtract(max);
                spent = spent.add(cost == null ? max : BigDecimal.valueOf(cost));
            }
        }
    }

    /** @throws BudgetReachedException when the request could take the spending past the limit */
    public synchronized Reservation reserve(double maxCost) throws BudgetReachedException {
        BigDecimal most = BigDecimal.valueOf(maxCost);
        if (limit != null && (reached || spent.add(reserved).add(most).compareTo(limit) > 0)) {
            reached = true;
            throw new BudgetReachedException(limit);
        }
        reserved = reserved.add(most);
        return new Reservation(most);
    }

    public synchronized double spent() {
        return spent.doubleValue();
    }

    public synchronized boolean reached() {
        return reached;
    }
}
