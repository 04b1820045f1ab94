package org.tl4j.backend;

import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.tl4j.viz.ModelSummaryTestAccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackendTest {
    @Test
    void compatibilityClassRestoresTheOldEnvironmentName() throws Exception {
        Class<?> c = Class.forName("org.nd4j.nativeblas.Nd4jCpu$Environment");
        Object env = c.getMethod("getInstance").invoke(null);
        boolean viaShim = (Boolean) c.getMethod("isUseMKLDNN").invoke(env);
        boolean direct = org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        assertEquals(direct, viaShim);
        assertTrue(viaShim, "the loaded natives have no oneDNN: " + Backend.nativeBuild());
    }

    @Test
    void oneDnnHelpersAreCreatedForConvolutionAndPooling() {
        Backend.configure();
        assertTrue(Backend.helpersActive(), Backend.summary());
        MultiLayerNetwork net = ModelSummaryTestAccess.smallCnn();
        net.fit(Nd4j.rand(DataType.FLOAT, 8, 784), Nd4j.eye(10).getRows(0, 1, 2, 3, 4, 5, 6, 7).castTo(DataType.FLOAT));
        assertInstanceOf(MKLDNNConvHelper.class, ((ConvolutionLayer) net.getLayer(0)).getHelper());
        assertInstanceOf(MKLDNNSubsamplingHelper.class, ((SubsamplingLayer) net.getLayer(1)).getHelper());
    }

    @Test
    void describeNamesNativesHelpersAndLimits() {
        String text = Backend.describe().printAll();
        assertTrue(text.contains(Backend.nativeBuild()), text);
        assertTrue(Backend.nativeBuild().startsWith("linux-x86_64") || Backend.nativeBuild().startsWith("macosx"), Backend.nativeBuild());
        assertTrue(text.contains("active"), text);
        assertTrue(text.contains("maxbytes"), text);
        assertTrue(text.contains(" RAM, ") && text.contains("available"), text);
        assertTrue(text.contains("cores"), text);
    }

    @Test
    void threadPolicyIsSaidInWords() {
        assertEquals("sleep (OMP_WAIT_POLICY=PASSIVE)", Backend.threadWait("PASSIVE"));
        assertEquals("spin (OMP_WAIT_POLICY=ACTIVE)", Backend.threadWait("ACTIVE"));
        assertEquals("spin (OMP_WAIT_POLICY unset)", Backend.threadWait(null));
    }

    @Test
    void arraysPastTheOffHeapLimitFailCleanly() {
        assertTrue(Backend.allocationsGuarded(), "surefire must set -Ddatabufferfactory");
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> Nd4j.create(DataType.FLOAT, 100_000, 100_000));
        assertTrue(e.getMessage().contains("maxBytes"), e.getMessage());
        assertTrue(e.getMessage().contains("37.3 GB"), e.getMessage());
        assertEquals(6.0, Nd4j.ones(DataType.FLOAT, 2, 3).sumNumber().doubleValue());
    }

    @Test
    void adviceNamesTheLimitAndTheFix() {
        String heap = Memory.adviceFor("Java heap space");
        assertTrue(heap.contains("-Xmx") && heap.contains("make lab HEAP="), heap);
        String off = Memory.adviceFor("ND4J array of 9 GB exceeds the off-heap limit maxBytes = 8 GB");
        assertTrue(off.contains("maxbytes") && off.contains("make lab OFFHEAP="), off);
        String threads = Memory.adviceFor("unable to create native thread: possibly out of memory or process/resource limits reached");
        assertTrue(threads.contains("limit on processes and threads") && !threads.contains("HEAP="), threads);
        assertEquals("512 MB", Memory.format(512L << 20));
        assertEquals("4.0 GB", Memory.format(4L << 30));
    }
}
