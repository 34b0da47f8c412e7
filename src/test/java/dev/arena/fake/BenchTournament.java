package dev.arena.fake;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The tournament of {@code bin/bench --only tournament} (and {@code tournament-limit}), as the
 * bench server serves it: {@value #FIGHTER_COUNT} fighters whose every turn is a paced stream of
 * {@value #TURN_CHUNKS} content chunks {@value #TURN_INTERVAL_MILLIS} ms apart, starting
 * "I am MODEL.", and one judge that answers at once with {@link RuleJudge}'s verdict (the later
 * fighter in {@link #FIGHTERS} wins), so the ratings come out in a known order.
 *
 * <p>The schedule plays every pair on every motion both ways: {@link #debates()} debates.
 */
public final class BenchTournament {

    public static final int FIGHTER_COUNT = 8;
    /** The fighters, weakest first. */
    public static final List<String> FIGHTERS = IntStream.rangeClosed(1, FIGHTER_COUNT)
            .mapToObj(i -> "bench/fighter-" + i).toList();
    /** Of a family of its own, so it judges every debate. */
    public static final String JUDGE = "bench-judge/rule";
    public static final List<String> MOTIONS = List.of("Benchmarks belong in every release", "Streams beat batches");
    public static final int ROUNDS = 3;
    public static final int TURN_CHUNKS = 40;
    public static final int TURN_INTERVAL_MILLIS = 10;

    private BenchTournament() {
    }

    /** Scripts the fighters and the judge on this fake, noting every request they answer in {@code arrivals}. */
    public static FakeOpenRouter serve(FakeOpenRouter fake, Arrivals arrivals) {
        for (String fighter : FIGHTERS) {
            fake.script(fighter, arrivals.recording(turn(fighter)));
        }
        fake.script(JUDGE, arrivals.recording(
                Reply.answering(transcript -> RuleJudge.verdict(transcript, FIGHTERS, false)).usage(200, 50, 0.0002)));
        return fake;
    }

    /** A turn of {@code fighter}: its name first, then the bench's usual pieces, on the clock. */
    static Reply turn(String fighter) {
        String[] pieces = Arrays.copyOf(BenchWorkloads.PIECES, BenchWorkloads.PIECES.length + 1);
        int name = pieces.length - 1;
        pieces[name] = RuleJudge.says(fighter);
        return new BenchReply(pieces, i -> i == 0 ? name : BenchWorkloads.pieceIndex(i), TURN_CHUNKS,
                TURN_INTERVAL_MILLIS, false);
    }

    /** The text of every turn of {@code fighter}, as streamed. */
    static String turnText(String fighter) {
        StringBuilder text = new StringBuilder(RuleJudge.says(fighter));
        for (int i = 1; i < TURN_CHUNKS; i++) {
            text.append(BenchWorkloads.PIECES[BenchWorkloads.pieceIndex(i)]);
        }
        return text.toString();
    }

    /** Every ordered pair of fighters on every motion. */
    public static int debates() {
        return FIGHTER_COUNT * (FIGHTER_COUNT - 1) * MOTIONS.size();
    }

    /** The turns each fighter speaks over the tournament: it is in 2 (n - 1) debates a motion. */
    public static int turnsPerFighter() {
        return 2 * (FIGHTER_COUNT - 1) * MOTIONS.size() * ROUNDS;
    }

    /**
     * One debate with nothing but the server's pacing: its turns one after another, each from the
     * request to its last chunk; the judge answers at once, so it adds nothing.
     */
    public static long debateMillis() {
        return 2L * ROUNDS * TURN_CHUNKS * TURN_INTERVAL_MILLIS;
    }

    /** The tournament's shortest possible wall time: the debates spread evenly over {@code slots}, or the longest one. */
    public static double idealMillis(int slots) {
        return Math.max(debateMillis(), debates() * (double) debateMillis() / slots);
    }
}
