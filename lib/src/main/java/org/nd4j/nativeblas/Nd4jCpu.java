package org.nd4j.nativeblas;

/**
 * Compatibility shim for DL4J 1.0.0-M2.1.
 *
 * <p>DL4J's oneDNN layer helpers ({@code BaseMKLDNNHelper.mklDnnEnabled()}) look up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by reflection and call {@code isUseMKLDNN()}.
 * ND4J M2.1 moved that class to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment}
 * and renamed the method {@code isUseONEDNN()}, so the lookup always fails and convolutions fall
 * back to the slow im2col path. This class restores the old name and delegates to the new one.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The old environment facade, delegating to ND4J's current native environment. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        private static org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment target() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance();
        }

        public boolean isUseMKLDNN() {
            return target().isUseONEDNN();
        }

        public void setUseMKLDNN(boolean use) {
            target().setUseONEDNN(use);
        }

        public boolean helpersAllowed() {
            return target().helpersAllowed();
        }

        public void allowHelpers(boolean allow) {
            target().allowHelpers(allow);
        }
    }
}
