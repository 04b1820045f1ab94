package org.tl4j.backend;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The banner's verdict per GPU follows the compute capabilities found in ND4J M2.1's CUDA library. */
class CudaSupportTest {
    @Test
    void hopperCannotRunAndTheVerdictSaysWhatToUse() {
        String h100 = CudaSupport.verdict(9, 0);
        assertTrue(h100.contains("cannot run") && h100.contains("no PTX") && h100.contains("Java (tl4j)"), h100);
        assertTrue(CudaSupport.verdict(12, 0).contains("cannot run"));
    }

    @Test
    void keplerK80ToAmpereAreSupportedAdaLikely() {
        for (int[] cc : new int[][]{{3, 7}, {5, 0}, {6, 1}, {7, 0}, {7, 5}, {8, 0}, {8, 6}}) {
            assertTrue(CudaSupport.verdict(cc[0], cc[1]).contains("is supported"), cc[0] + "." + cc[1]);
        }
        assertTrue(CudaSupport.verdict(8, 9).contains("runs the 8.6 machine code"));
        assertTrue(CudaSupport.verdict(3, 5).contains("older than 3.7"));
    }
}
