package dev.arena.ratings;

import java.util.Arrays;

/**
 * The Bradley–Terry fit: each model has a strength θ, and i beats j with probability
 * σ(θi − θj), σ the logistic function. The fit maximises the likelihood of a score matrix
 * (see {@link GameTable}; a tie is half a win each way) plus the prior's virtual games: each
 * model ties {@code prior} times with a virtual opponent at θ = 0.
 *
 * <p>By Newton's method, which converges quadratically near the top: a handful of iterations,
 * where Hunter's MM iterations need hundreds for a strong model. The log-likelihood is concave,
 * so along a step it rises until its slope turns negative; a step is halved until the slope at
 * its end is not negative, which keeps at least half the rise along the line. The slope, not the
 * likelihood itself, because near the top the rise is below the likelihood's rounding and
 * comparing likelihoods would stop the fit some 1e-6 points short; and a short step is taken
 * whole, since there the slope too is lost in rounding (see {@link #SHORT_STEP}).
 *
 * <p>With a prior the Hessian is negative definite. Without one the likelihood does not change
 * when every model of a part of the graph is shifted alike; the step is then taken with that
 * shift pinned (see {@link #pinShifts}). And without a prior, a model that won (or lost) every
 * debate against the rest of its part has no finite maximum: its θ climbs by about 1 per
 * step, until the curvature left is lost in rounding and the step cannot be solved, some 40
 * nats (7000 points) out. That finite, absurd distance is what such data says; the default
 * prior exists so that it does not happen.
 */
final class BradleyTerry {

    /** Elo's scale: 400 points are a factor of 10 in the odds. */
    private static final double POINTS_PER_NAT = 400 / Math.log(10);

    private static final double MEAN_RATING = 1500;

    /** Newton needs under 10 iterations on real data; the cap only bounds a fit without a maximum. */
    private static final int MAX_ITERATIONS = 100;

    /** In nats: 2e-8 rating points. */
    private static final double STEP_TOLERANCE = 1e-10;

    /**
     * In nats. A step this short is taken whole, untested: along it no σ(1 − σ) changes by more
     * than 0.2%, so the Newton step climbs; and near the top the slope a test would read is
     * lost in rounding.
     */
    private static final double SHORT_STEP = 1e-3;

    private static final int MAX_HALVINGS = 50;

    private BradleyTerry() {
    }

    /** The n models' ratings on the Elo scale, their mean {@value #MEAN_RATING}. */
    static double[] ratings(double[] scores, int n, double prior) {
        double[] theta = strengths(scores, n, prior);
        double mean = 0;
        for (double t : theta) {
            mean += t / n;
        }
        double[] ratings = new double[n];
        for (int i = 0; i < n; i++) {
            ratings[i] = MEAN_RATING + POINTS_PER_NAT * (theta[i] - mean);
        }
        return ratings;
    }

    private static double[] strengths(double[] scores, int n, double prior) {
        int[] part = prior == 0 ? Components.of(scores, n) : null;
        double[] theta = new double[n];
        double[] trial = new double[n];
        double[] gradient = new double[n];
        double[] curvature = new double[n * n];
        double[] step = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            derivatives(scores, n, prior, theta, gradient, curvature);
            if (part != null) {
                pinShifts(part, n, curvature);
            }
            if (!Cholesky.solve(curvature, n, gradient, step)) {
                break;
            }
            double length = 1;
            move(theta, length, step, trial);
            boolean climbed = maxAbs(step) <= SHORT_STEP || slope(scores, n, prior, trial, step, gradient) >= 0;
            for (int halving = 0; halving < MAX_HALVINGS && !climbed; halving++) {
                length /= 2;
                move(theta, length, step, trial);
                climbed = slope(scores, n, prior, trial, step, gradient) >= 0;
            }
            if (!climbed) {
                break;
            }
            double[] previous = theta;
            theta = trial;
            trial = previous;
            if (length * maxAbs(step) <= STEP_TOLERANCE) {
                break;
            }
        }
        return theta;
    }

    /**
     * The gradient of the log-likelihood at theta, and unless {@code curvature} is null, its
     * negated Hessian (positive semi-definite, row major).
     */
    private static void derivatives(double[] scores, int n, double prior, double[] theta,
                                    double[] gradient, double[] curvature) {
        Arrays.fill(gradient, 0);
        if (curvature != null) {
            Arrays.fill(curvature, 0);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double won = scores[i * n + j];
                double lost = scores[j * n + i];
                double games = won + lost;
                if (games == 0) {
                    continue;
                }
                double d = theta[i] - theta[j];
                double p = sigmoid(d);
                double q = sigmoid(-d);
                gradient[i] += won - games * p;
                gradient[j] += lost - games * q;
                if (curvature != null) {
                    double weight = games * p * q;
                    curvature[i * n + i] += weight;
                    curvature[j * n + j] += weight;
                    curvature[i * n + j] -= weight;
                    curvature[j * n + i] -= weight;
                }
            }
        }
        if (prior > 0) {
            for (int i = 0; i < n; i++) {
                double p = sigmoid(theta[i]);
                double q = sigmoid(-theta[i]);
                gradient[i] += prior * (0.5 - p);
                if (curvature != null) {
                    curvature[i * n + i] += prior * p * q;
                }
            }
        }
    }

    /** to = from + length · step. */
    private static void move(double[] from, double length, double[] step, double[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = from[i] + length * step[i];
        }
    }

    /** The log-likelihood's slope along step at theta; gradient is scratch space. */
    private static double slope(double[] scores, int n, double prior, double[] theta, double[] step,
                                double[] gradient) {
        derivatives(scores, n, prior, theta, gradient, null);
        double slope = 0;
        for (int i = 0; i < n; i++) {
            slope += gradient[i] * step[i];
        }
        return slope;
    }

    /**
     * Without a prior, shifting every model of a part alike changes nothing, so the negated
     * Hessian is singular along each part's all-ones vector u. The gradient has no component
     * along u (every part's scores sum to its games), so adding u·uᵀ for each part leaves the
     * Newton step as it was, with zero mean in each part, and makes the matrix definite.
     */
    private static void pinShifts(int[] part, int n, double[] curvature) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (part[i] == part[j]) {
                    curvature[i * n + j] += 1;
                }
            }
        }
    }

    /** σ(x), computed from e^(−|x|) so that neither tail loses its digits. */
    private static double sigmoid(double x) {
        double e = Math.exp(-Math.abs(x));
        return x >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
