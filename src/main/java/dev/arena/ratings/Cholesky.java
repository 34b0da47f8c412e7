package dev.arena.ratings;

/** Solves a symmetric positive-definite system, the Newton step of the fit. */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * Solves {@code a x = b} for an n×n row-major {@code a}, which is overwritten by its
     * factor. Returns false, leaving x undefined, when {@code a} is not positive definite to
     * working precision: the fit then stops where it is rather than step on noise.
     */
    static boolean solve(double[] a, int n, double[] b, double[] x) {
        for (int j = 0; j < n; j++) {
            double pivot = a[j * n + j];
            for (int k = 0; k < j; k++) {
                pivot -= a[j * n + k] * a[j * n + k];
            }
            if (!(pivot > 0)) {
                return false;
            }
            double diagonal = Math.sqrt(pivot);
            a[j * n + j] = diagonal;
            for (int i = j + 1; i < n; i++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = sum / diagonal;
            }
        }
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= a[i * n + k] * x[k];
            }
            x[i] = sum / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = x[i];
            for (int k = i + 1; k < n; k++) {
                sum -= a[k * n + i] * x[k];
            }
            x[i] = sum / a[i * n + i];
        }
        return true;
    }
}
