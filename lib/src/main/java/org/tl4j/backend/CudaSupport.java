package org.tl4j.backend;

/**
 * Which GPUs the ND4J 1.0.0-M2.1 CUDA 11.6 build can run on. Its libnd4j holds machine code
 * (SASS) for compute capabilities 3.7 to 8.6 and no PTX, so the driver cannot compile it for a
 * newer GPU: machine code runs on later minor versions of the same major version only.
 */
public final class CudaSupport {
    /** The newest compute capability the build has machine code for: 8.6 (Ampere, RTX 30). */
    public static final int NEWEST_MAJOR = 8;
    public static final int NEWEST_MINOR = 6;
    /** The oldest: 3.7 (Kepler, K80). */
    public static final int OLDEST_MAJOR = 3;
    public static final int OLDEST_MINOR = 7;

    private CudaSupport() {
    }

    /** A sentence on whether a GPU of this compute capability can run the course's CUDA backend. */
    public static String verdict(int major, int minor) {
        String cc = major + "." + minor;
        if (major < OLDEST_MAJOR || (major == OLDEST_MAJOR && minor < OLDEST_MINOR)) {
            return "compute capability " + cc + " is older than 3.7, the oldest this ND4J build has code for: use the CPU kernel";
        }
        if (major > NEWEST_MAJOR) {
            return "compute capability " + cc + " (e.g. Hopper H100/H200 is 9.0) is newer than 8.6 and the build has no PTX"
                    + " the driver could compile for it: it cannot run here; use the CPU kernel \"Java (tl4j)\"";
        }
        if (major == NEWEST_MAJOR && minor > NEWEST_MINOR) {
            return "compute capability " + cc + " (Ada) runs the 8.6 machine code (same major version); not tested by the course";
        }
        return "compute capability " + cc + " is supported (machine code for 3.7 to 8.6)";
    }
}
