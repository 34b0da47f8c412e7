/**
 * Ratings from debate results: a Bradley–Terry fit on an Elo-like scale, 95% intervals from a
 * bootstrap over side-swapped groups, Chatbot Arena's ranks, each model's standing, and the
 * warnings a reader needs before trusting the order. Pure maths over {@link
 * dev.arena.ratings.Game}s: no I/O, no clock, nothing shared between calls; {@link
 * dev.arena.ratings.Ratings#of} is the one entry point.
 */
package dev.arena.ratings;
