package dev.arena.ratings;

import java.util.Arrays;

/**
 * The parts of the graph of who played whom. Models in different parts never met, directly or
 * through others, so nothing in the games places one part's ratings against another's.
 */
final class Components {

    private Components() {
    }

    /**
     * Labels each model of an n×n score matrix (see {@link GameTable}) with its part: the
     * smallest index in it, so labels come in the models' order.
     */
    static int[] of(double[] scores, int n) {
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int[] queue = new int[n];
        for (int start = 0; start < n; start++) {
            if (label[start] >= 0) {
                continue;
            }
            label[start] = start;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            while (head < tail) {
                int i = queue[head++];
                for (int j = 0; j < n; j++) {
                    if (label[j] < 0 && scores[i * n + j] + scores[j * n + i] > 0) {
                        label[j] = start;
                        queue[tail++] = j;
                    }
                }
            }
        }
        return label;
    }
}
