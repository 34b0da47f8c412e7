package dev.arena.debate;

/** A judge's marks for one side, each from 1 to 10. */
public record Scores(double argumentStrength, double rebuttal, double evidence, double clarity) {

    public double total() {
        return argumentStrength + rebuttal + evidence + clarity;
    }

    /** The mean of two readings, used to merge the judge's two calls. */
    public Scores average(Scores other) {
        return new Scores((argumentStrength + other.argumentStrength) / 2, (rebuttal + other.rebuttal) / 2,
                (evidence + other.evidence) / 2, (clarity + other.clarity) / 2);
    }
}
