package org.tl4j.data;

import org.tl4j.course.Messages;

import java.util.List;

/**
 * A target task and the one way the course splits it, seeded. For each seed: {@code train} labelled
 * images per class and {@code validation} images per class, disjoint, from the task's training pool;
 * and a test set drawn once from the task's test pool, the same for every seed and every arm of an
 * experiment. Validation chooses epochs and stops training; only the test set is reported.
 * {@code Target.of("digits 5-9", Mnist.train().classes(5, 6, 7, 8, 9), Mnist.test().classes(5, 6, 7, 8, 9)).train(10)}
 */
public final class Target {
    private static final Messages TEXT = Messages.of(Target.class);
    /** Test images drawn with this seed, whatever the run's seed. */
    public static final long TEST_SEED = 2024;

    private final String name;
    private final ImageSet pool;
    private final ImageSet testPool;
    private final int train;
    private final int validation;
    private final int test;
    private ImageSet testSet;

    private Target(String name, ImageSet pool, ImageSet testPool, int train, int validation, int test) {
        if (pool.numClasses() != testPool.numClasses()) {
            throw new IllegalArgumentException(TEXT.get("Target.poolClassesDiffer",
                    pool.numClasses(), testPool.numClasses()));
        }
        this.name = name;
        this.pool = pool;
        this.testPool = testPool;
        this.train = positive(train, TEXT.get("Target.training"));
        this.validation = positive(validation, TEXT.get("Target.validation"));
        this.test = positive(test, TEXT.get("Target.test"));
    }

    /** A task from its training pool and its test pool (e.g. MNIST's training and test files); 10 / 50 / 200 per class. */
    public static Target of(String name, ImageSet pool, ImageSet testPool) {
        return new Target(name, pool, testPool, 10, 50, 200);
    }

    /** Labelled training images per class. */
    public Target train(int perClass) {
        return new Target(name, pool, testPool, perClass, validation, test);
    }

    /** Validation images per class (they choose the epoch). */
    public Target validation(int perClass) {
        return new Target(name, pool, testPool, train, perClass, test);
    }

    /** Test images per class (the reported figure). */
    public Target test(int perClass) {
        return new Target(name, pool, testPool, train, validation, perClass);
    }

    /** The same task in another domain: every part shifted (inverted, rotated...). */
    public Target shifted(Shift shift) {
        return new Target(name + " (" + shift.name() + ")", pool.shifted(shift), testPool.shifted(shift), train, validation, test);
    }

    public String name() {
        return name;
    }

    public int trainPerClass() {
        return train;
    }

    public int numClasses() {
        return pool.numClasses();
    }

    /** The three parts for one seed. */
    public Split split(long seed) {
        List<ImageSet> parts = pool.perClassParts(seed, train, validation);
        return new Split(parts.get(0), parts.get(1), testSet());
    }

    /** The test images: the same for every seed. */
    public synchronized ImageSet testSet() {
        if (testSet == null) {
            testSet = testPool.perClass(test, TEST_SEED);
        }
        return testSet;
    }

    /** Training, validation and test images of one seed; no image is in two of them. */
    public record Split(ImageSet train, ImageSet validation, ImageSet test) {
    }

    private static int positive(int n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException(TEXT.get("Target.perClassAtLeastOne", what, n));
        }
        return n;
    }

    @Override
    public String toString() {
        return name + ": " + train + " training, " + validation + " validation images per class; test "
                + test + " per class";
    }
}
