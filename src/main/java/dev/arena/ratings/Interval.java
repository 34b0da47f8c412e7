package dev.arena.ratings;

/** A rating's 95% interval, in rating points. */
record Interval(double low, double high) {
}
