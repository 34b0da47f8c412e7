package dev.arena.bench;

import java.util.List;

/**
 * What one model's requests, as the server saw them arrive, say about a rate limit of
 * {@code limit} a minute. arena's limit is a token bucket that starts full when the model is first
 * asked: {@code limit} requests may go at once, then one each {@code 60 / limit} s. So over the
 * run a model can be asked at most {@code limit} times plus {@code limit} a minute from its first
 * request; the rate past that first allowance is the limit itself when arena never lets a token go
 * unused, and below it when the model sat idle with a full bucket or ended with tokens to spare.
 *
 * @param overallPerMinute   (n - 1) intervals over the time from the first request to the last
 * @param pastBurstPerMinute the requests past the first {@code limit}, over that same time
 * @param busiestMinute      the most requests in any 60 s from one of them: the burst shows here
 */
record RequestRate(String model, int requests, double spanSeconds, double overallPerMinute, double pastBurstPerMinute,
        int busiestMinute) {

    private static final double MINUTE_MILLIS = 60_000;

    /** From the arrival times in ms, in order. */
    static RequestRate of(String model, List<Long> arrivals, int limit) {
        int n = arrivals.size();
        if (n < 2) {
            throw new IllegalArgumentException("a rate needs two requests or more, " + model + " had " + n);
        }
        long span = Math.max(1, arrivals.get(n - 1) - arrivals.get(0));
        int busiest = 0;
        int end = 0;
        for (int start = 0; start < n; start++) {
            while (end < n && arrivals.get(end) - arrivals.get(start) < MINUTE_MILLIS) {
                end++;
            }
            busiest = Math.max(busiest, end - start);
        }
        return new RequestRate(model, n, span / 1000.0, (n - 1) * MINUTE_MILLIS / span,
                Math.max(0, n - limit) * MINUTE_MILLIS / span, busiest);
    }
}
