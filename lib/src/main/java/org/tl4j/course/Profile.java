package org.tl4j.course;

import java.util.Locale;

/**
 * How big the experiments are. Lessons ask the profile for sample counts, epochs and seeds; the
 * logic is the same in every profile. Chosen with the environment variable TL4J_PROFILE:
 * {@code class} (default: what an instructor runs in front of students) or {@code ci} (small,
 * for the automatic tests).
 */
public enum Profile {
    CLASS(1.0, 1.0, 5),
    CI(0.5, 0.34, 2);

    public static final String ENV = "TL4J_PROFILE";
    private static final Messages TEXT = Messages.of(Profile.class);
    private final double sampleScale;
    private final double epochScale;
    private final int seeds;

    Profile(double sampleScale, double epochScale, int seeds) {
        this.sampleScale = sampleScale;
        this.epochScale = epochScale;
        this.seeds = seeds;
    }

    /** The profile named by TL4J_PROFILE (or -Dtl4j.profile); CLASS when unset. */
    public static Profile current() {
        String name = System.getProperty("tl4j.profile", System.getenv(ENV));
        return parse(name);
    }

    static Profile parse(String name) {
        if (name == null || name.isBlank()) {
            return CLASS;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TEXT.get("Profile.unknown", ENV, name));
        }
    }

    /** A sample count for this profile: the class-profile count scaled, at least {@code min(n, 10)}. */
    public int samples(int classCount) {
        return Math.max(Math.min(classCount, 10), (int) Math.round(classCount * sampleScale));
    }

    /** An epoch count for this profile, at least 1. */
    public int epochs(int classCount) {
        return Math.max(1, (int) Math.round(classCount * epochScale));
    }

    /**
     * How many seeds to repeat an experiment with: five in class, enough for a 95% interval that can exclude 0;
     * two in CI, the fewest that give an interval at all, so that the same code runs.
     */
    public int seeds() {
        return seeds;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
