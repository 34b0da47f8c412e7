package dev.arena.text;

/**
 * Changes a text that arrives in pieces (a streamed answer) where a change may span two
 * pieces: it may hold back a tail of one piece until the next shows what it is. Concatenated,
 * the outputs of {@link #feed} and {@link #finish} are the filtered whole. Not thread-safe;
 * one per stream.
 */
public interface PieceFilter {

    /** What can be passed on now of what came so far; may be empty. */
    String feed(String piece);

    /** The text ended: what was held back, as it must now stand; may be empty. */
    String finish();

    /** This filter, then {@code next} over what this one passes on. */
    default PieceFilter then(PieceFilter next) {
        PieceFilter first = this;
        return new PieceFilter() {
            @Override
            public String feed(String piece) {
                String passed = first.feed(piece);
                return passed.isEmpty() ? "" : next.feed(passed);
            }

            @Override
            public String finish() {
                String rest = first.finish();
                return (rest.isEmpty() ? "" : next.feed(rest)) + next.finish();
            }
        };
    }
}
