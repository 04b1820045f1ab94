package org.tl4j.data;

import org.tl4j.course.Messages;

import java.util.Random;

/** Small seeded 2-D classification problems for learning how networks learn. */
public final class Toy {
    private static final Messages TEXT = Messages.of(Toy.class);
    private Toy() {
    }

    /** Two interleaving half circles, n points each side; noise is the standard deviation added to each coordinate. */
    public static PointSet moons(int n, double noise, long seed) {
        check(n, noise);
        Random r = new Random(seed);
        double[][] pts = new double[2 * n][];
        int[] labels = new int[2 * n];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * i / (n - 1.0);
            pts[2 * i] = new double[]{Math.cos(t) + noise * r.nextGaussian(), Math.sin(t) + noise * r.nextGaussian()};
            labels[2 * i] = 0;
            pts[2 * i + 1] = new double[]{1 - Math.cos(t) + noise * r.nextGaussian(), 0.5 - Math.sin(t) + noise * r.nextGaussian()};
            labels[2 * i + 1] = 1;
        }
        return new PointSet("two moons", pts, labels, 2);
    }

    /** A disc of one class inside a ring of the other. */
    public static PointSet circles(int n, double noise, long seed) {
        check(n, noise);
        Random r = new Random(seed);
        double[][] pts = new double[2 * n][];
        int[] labels = new int[2 * n];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            pts[2 * i] = new double[]{0.4 * Math.cos(t) + noise * r.nextGaussian(), 0.4 * Math.sin(t) + noise * r.nextGaussian()};
            labels[2 * i] = 0;
            pts[2 * i + 1] = new double[]{Math.cos(t) + noise * r.nextGaussian(), Math.sin(t) + noise * r.nextGaussian()};
            labels[2 * i + 1] = 1;
        }
        return new PointSet("circles", pts, labels, 2);
    }

    private static void check(int n, double noise) {
        if (n < 2) {
            throw new IllegalArgumentException(TEXT.get("Toy.pointsPerClass", n));
        }
        if (noise < 0) {
            throw new IllegalArgumentException(TEXT.get("Toy.noiseNegative", noise));
        }
    }
}
