package dev.arena.tournament;

/**
 * The money a tournament may spend, shared by every debate running at once. A request is
 * started only when what was spent, plus the most that the requests still running may cost,
 * plus the most this one may cost, stays within the limit; so the limit holds even when every
 * running request uses its max tokens. Once one is refused no other starts: the tournament
 * stops taking new work and says what was spent.
 */
public final class Budget {

    /** No limit: every request starts. */
    public static Budget unlimited(double spent) {
        return new Budget(Double.POSITIVE_INFINITY, spent);
    }

    private final double limit;
    private double spent;
    private double reserved;
    private boolean reached;

    /** {@code spent}: what the tournament's earlier runs spent already. */
    public Budget(double limit, double spent) {
        if (!(limit >= 0)) {
            throw new IllegalArgumentException("a budget is zero or more dollars");
        }
        this.limit = limit;
        this.spent = spent;
    }

    /** A request that may cost up to {@code maxCost}: reserved now, settled when it ends. */
    public final class Reservation {
        private final double max;
        private boolean settled;

        private Reservation(double max) {
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
                reserved -= max;
                spent += cost == null ? max : cost;
            }
        }
    }

    /** @throws BudgetReachedException when the request could take the spending past the limit */
    public synchronized Reservation reserve(double maxCost) throws BudgetReachedException {
        if (reached || spent + reserved + maxCost > limit) {
            reached = true;
            throw new BudgetReachedException(limit);
        }
        reserved += maxCost;
        return new Reservation(maxCost);
    }

    public synchronized double spent() {
        return spent;
    }

    public synchronized boolean reached() {
        return reached;
    }

    public boolean limited() {
        return limit != Double.POSITIVE_INFINITY;
    }
}
