package org.tl4j.transfer;

import org.tl4j.network.Layers;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tl4j.data.ImageSet;
import org.tl4j.data.Mnist;
import org.tl4j.train.Trainer;
import org.tl4j.viz.ModelSummary;
import org.tl4j.zoo.SourceModel;
import org.tl4j.zoo.Zoo;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferTest {
    static SourceModel lenet;
    static ImageSet target;      // digits 5-9, 20 per class
    static ImageSet validation;

    @BeforeAll
    static void load() {
        lenet = Zoo.load("lenet-mnist-0to4");
        ImageSet digits = Mnist.train().classes(5, 6, 7, 8, 9);
        target = digits.perClass(20, 1);
        validation = Mnist.test().classes(5, 6, 7, 8, 9).perClass(40, 2);
    }

    private static void train(MultiLayerNetwork net, int epochs) {
        Trainer.of(net).epochs(epochs).live(false).fit(target.shuffledBatches(16, 3), validation.batches(200));
    }

    @Test
    void readsLikeTheLessonAndFreezesThroughTheNamedLayer() {
        MultiLayerNetwork net = Transfer.from(lenet).freezeThrough("conv2").newHead(5).build();
        Table summary = ModelSummary.of(net);
        assertEquals("frozen", summary.stringColumn("state").get(0));
        assertEquals("frozen", summary.stringColumn("state").get(2));
        assertEquals("trainable", summary.stringColumn("state").get(4));
        assertEquals(5, net.layerSize(net.getnLayers() - 1));
    }

    @Test
    void frozenLayersStayBitIdenticalTrainableOnesMoveAndTheSourceIsUntouched() {
        INDArray sourceBefore = lenet.network().params().dup();
        MultiLayerNetwork net = Transfer.from(lenet).freezeThrough("pool2").newHead(5).build();
        INDArray conv1 = net.getLayer(0).params().dup();
        INDArray conv2 = net.getLayer(2).params().dup();
        INDArray fc = net.getLayer(4).params().dup();
        train(net, 2);
        assertEquals(conv1, net.getLayer(0).params());
        assertEquals(conv2, net.getLayer(2).params());
        assertNotEquals(fc, net.getLayer(4).params());
        assertEquals(sourceBefore, lenet.network().params());
    }

    @Test
    void keepThroughDropsTheTopAsKerasIncludeTopFalseDoesAndNewHeadBuildsOnTheKeptFeatures() {
        MultiLayerNetwork net = Transfer.from(lenet).keepThrough("pool2").freezeThrough("pool2").newHead(5, 32).seed(3).build();
        assertEquals(List.of("conv1", "pool1", "conv2", "pool2", "head_hidden", "output"), Layers.names(net));
        assertEquals(lenet.network().layerInputSize(4), net.layerInputSize(4));  // fc's inputs: the flattened pool2
        assertEquals(32, net.layerSize(4));
        assertEquals(5, net.layerSize(5));
        assertTrue(Layers.isFrozen(net, 2) && !Layers.isFrozen(net, 4));
        assertEquals(lenet.network().getLayer(2).params(), net.getLayer(2).params());
        assertEquals(5, net.output(validation.first(3).toDataSet().getFeatures()).columns());
        assertEquals(net.params(), Transfer.from(lenet).keepThrough("pool2").freezeThrough("pool2").newHead(5, 32).seed(3)
                .build().params());  // seeded: the same head again
        assertThrows(IllegalArgumentException.class, () -> Transfer.from(lenet).keepThrough("conv1"));   // pool1 follows
        assertThrows(IllegalArgumentException.class, () -> Transfer.from(lenet).keepThrough("output"));
        assertThrows(IllegalStateException.class, () -> Transfer.from(lenet).keepThrough("pool2").build());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Transfer.from(lenet).keepThrough("pool2").freezeThrough("fc").newHead(5).build());
        assertTrue(e.getMessage().contains("dropped"), e.getMessage());
    }

    @Test
    void theNewHeadIsTheSameForTheSameSeedEvenBehindFrozenLayers() {
        // DL4J draws a new head unseeded when layers are frozen; Transfer draws it again, seeded
        MultiLayerNetwork a = Transfer.headOnly(lenet, 5), b = Transfer.headOnly(lenet, 5);
        assertEquals(a.params(), b.params());
        MultiLayerNetwork other = Transfer.from(lenet).freezeThrough("fc").newHead(5).seed(7).build();
        assertNotEquals(a.getLayer(5).params(), other.getLayer(5).params());
    }

    @Test
    void errorsNameTheValidChoices() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> Transfer.from(lenet).freezeThrough("conv3"));
        assertTrue(name.getMessage().contains("0 conv1, 1 pool1, 2 conv2, 3 pool2, 4 fc, 5 output"), name.getMessage());
        IllegalArgumentException index = assertThrows(IllegalArgumentException.class, () -> Transfer.from(lenet).freezeThrough(9));
        assertTrue(index.getMessage().contains("6 layers, 0..5"), index.getMessage());
        IllegalArgumentException output = assertThrows(IllegalArgumentException.class, () -> Transfer.from(lenet).freezeThrough("output"));
        assertTrue(output.getMessage().contains("cannot be frozen") && output.getMessage().contains("fc"), output.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Transfer.from(lenet).newHead(1));
        IllegalArgumentException top = assertThrows(IllegalArgumentException.class, () -> Transfer.fineTuneTop(lenet, 5, 7, 1e-4));
        assertTrue(top.getMessage().contains("0..5"), top.getMessage());
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> Trainer.of(lenet.network().clone()).live(false).fit(Mnist.test().first(20).batches(10), validation.batches(100)));
        assertTrue(mismatch.getMessage().contains("5 outputs but the data has 10 classes"), mismatch.getMessage());
    }

    @Test
    void presetsFreezeWhatTheirNamesSay() {
        MultiLayerNetwork fe = Transfer.featureExtractor(lenet, 5);
        assertTrue(Layers.isFrozen(fe, 3) && !Layers.isFrozen(fe, 4), "feature extractor: conv base frozen, fc trains");
        MultiLayerNetwork head = Transfer.headOnly(lenet, 5);
        assertTrue(Layers.isFrozen(head, 4) && !Layers.isFrozen(head, 5));
        MultiLayerNetwork all = Transfer.fineTuneAll(lenet, 5, 1e-4);
        for (int i = 0; i < all.getnLayers(); i++) {
            assertTrue(!Layers.isFrozen(all, i));
        }
        MultiLayerNetwork top2 = Transfer.fineTuneTop(lenet, 5, 2, 1e-4);
        assertTrue(Layers.isFrozen(top2, 2) && !Layers.isFrozen(top2, 3) && !Layers.isFrozen(top2, 4));
    }

    @Test
    void newHeadWithHiddenLayerAndReinitialisation() {
        MultiLayerNetwork net = Transfer.from(lenet).newHead(5, 64).reinitialize("fc").build();
        assertEquals("head_hidden", Layers.names(net).get(5));
        assertEquals(64, net.layerSize(5));
        assertEquals(lenet.network().getLayer(2).params(), net.getLayer(2).params());
        assertNotEquals(lenet.network().getLayer(4).params(), net.getLayer(4).params());
    }

    @Test
    void aZeroLearningRateLeavesItsLayerAlone() {
        MultiLayerNetwork net = Transfer.from(lenet).newHead(5).learningRate("conv1", 0.0).build();
        INDArray conv1 = net.getLayer(0).params().dup();
        INDArray conv2 = net.getLayer(2).params().dup();
        train(net, 1);
        assertEquals(conv1, net.getLayer(0).params());
        assertNotEquals(conv2, net.getLayer(2).params());
    }

    @Test
    void featurizedTrainingTrainsTheFullNetwork() {
        MultiLayerNetwork net = Transfer.featureExtractor(lenet, 5);
        Featurized f = Featurized.of(net);
        org.tl4j.train.History h = f.fit(target, validation, org.tl4j.train.Plan.epochs(3).batch(16).seed(5));
        assertEquals(Trainer.accuracy(net, validation.batches(100)), h.bestAccuracy(), 1e-6,
                "the whole network ends at the epoch validation chose");
        INDArray viaFull = net.output(validation.toDataSet().getFeatures());
        INDArray viaFeatures = f.trainablePart().output(f.features(validation).getFeatures());
        assertTrue(viaFull.equalsWithEps(viaFeatures, 1e-5), "predictions differ between the full network and its featurized top");
        assertTrue(Trainer.accuracy(net, validation.batches(100)) > 0.6);
        assertThrows(IllegalArgumentException.class, () -> Featurized.of(Transfer.fineTuneAll(lenet, 5, 1e-4)));
    }

    @Test
    void layerTransferCopiesTheFirstKLayers() {
        LayerTransfer lt = LayerTransfer.of(lenet.network(), () -> org.tl4j.zoo.Architectures.lenet(5, 99));
        MultiLayerNetwork k2 = lt.network(2, true); // conv1, pool1, conv2
        assertEquals(lenet.network().getLayer(0).params(), k2.getLayer(0).params());
        assertEquals(lenet.network().getLayer(2).params(), k2.getLayer(2).params());
        assertNotEquals(lenet.network().getLayer(4).params(), k2.getLayer(4).params());
        assertTrue(Layers.isFrozen(k2, 2) && !Layers.isFrozen(k2, 3));
        MultiLayerNetwork tuned = lt.network(2, false);
        assertTrue(!Layers.isFrozen(tuned, 0));
        assertEquals(lenet.network().getLayer(4).params(), lt.network(3, false).getLayer(4).params());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lt.network(4, true));
        assertTrue(e.getMessage().contains("0..3"), e.getMessage());
    }

    @Test
    void sweepRunsScratchAndThreeArmsPerDepthOnTheSameSeeds() {
        LayerTransfer lt = LayerTransfer.of(lenet.network(), seed -> org.tl4j.zoo.Architectures.lenet(5, seed));
        org.tl4j.data.Target digits = org.tl4j.data.Target.of("digits 5-9", Mnist.train().classes(5, 6, 7, 8, 9),
                Mnist.test().classes(5, 6, 7, 8, 9)).train(6).validation(6).test(10);
        LayerTransfer.Result r = lt.sweep(digits, org.tl4j.train.Plan.epochs(2).batch(10), 2);
        assertEquals(java.util.List.of("conv1", "conv2", "fc"), r.through());
        assertEquals(1 + 3 * 3, r.arms().arms().size()); // scratch, then frozen, fine-tuned and control per depth
        for (String arm : r.arms().arms()) {
            assertEquals(java.util.List.of(100L, 101L), r.arms().runs(arm).stream().map(org.tl4j.train.Run::seed).toList());
        }
        assertEquals(r.arms().accuracy("frozen k=2").mean() - r.arms().accuracy("own-task control k=2").mean(),
                r.specificity(2).difference().mean(), 1e-12);
        assertEquals(4, r.table().rowCount());
        assertEquals(3, ((java.util.List<?>) r.data().get("depths")).size());
        assertTrue(org.tl4j.viz.Show.rendition(r.chart()).png().length > 5000);
        assertThrows(IllegalArgumentException.class, () -> r.accuracy("frozen", 4));
        assertThrows(IllegalArgumentException.class, () -> r.accuracy("thawed", 1));
    }

    @Test
    void theControlCopiesTheScratchNetworkOfItsOwnSeed() {
        // rebuilt by hand for the sweep's seed: that seed's scratch network, trained, then its first k layers
        // frozen under a fresh top and retrained; the sweep's control must give the very same runs
        LayerTransfer lt = LayerTransfer.of(lenet.network(), seed -> org.tl4j.zoo.Architectures.lenet(5, seed));
        org.tl4j.data.Target digits = org.tl4j.data.Target.of("digits 5-9", Mnist.train().classes(5, 6, 7, 8, 9),
                Mnist.test().classes(5, 6, 7, 8, 9)).train(20).validation(10).test(20);
        org.tl4j.train.Plan plan = org.tl4j.train.Plan.epochs(3).batch(10);
        LayerTransfer.Result r = lt.sweep(digits, plan, 1);

        long seed = org.tl4j.evaluate.Experiment.FIRST_SEED;
        org.tl4j.data.Target.Split split = digits.split(seed);
        lt.seed(seed).learningRate(plan.learningRate());
        MultiLayerNetwork own = lt.network(0, false);
        org.tl4j.train.Run scratch = Trainer.of(own).epochs(3).live(false).run(split, 10, seed);
        assertEquals(r.arms().runs("scratch").get(0).testAccuracy(), scratch.testAccuracy(), "training is deterministic");
        int k = 2;
        MultiLayerNetwork control = lt.ownTaskNetwork(own, k);
        for (String layer : List.of("conv1", "conv2")) {
            assertEquals(own.getLayer(Layers.index(own, layer)).params(), control.getLayer(Layers.index(control, layer)).params());
        }
        assertNotEquals(own.getLayer(Layers.index(own, "fc")).params(), control.getLayer(Layers.index(control, "fc")).params(),
                "above the copy the control starts afresh");
        org.tl4j.train.Run byHand = Trainer.of(control).epochs(3).live(false).run(split, 10, seed);
        org.tl4j.train.Run swept = r.arms().runs("own-task control k=" + k).get(0);
        assertEquals(byHand.validationAccuracy(), swept.validationAccuracy());
        assertEquals(byHand.testAccuracy(), swept.testAccuracy());
        assertEquals(own.getLayer(Layers.index(own, "conv1")).params(), control.getLayer(Layers.index(control, "conv1")).params(),
                "the copied layers stay frozen");
    }

    @Test
    void frozenBatchNormKeepsItsStatisticsFineTunedBatchNormUpdatesThem() {
        SourceModel vgg = Zoo.load("vgg-mnist-0to4");
        int bn = Layers.index(vgg.network(), "bn1a");
        MultiLayerNetwork frozen = Transfer.from(vgg).freezeThrough("pool2").newHead(5).build();
        MultiLayerNetwork tuned = Transfer.from(vgg).newHead(5).learningRate(1e-4).build();
        INDArray before = vgg.network().getLayer(bn).params().dup(); // gamma, beta, running mean, running variance
        train(frozen, 1);
        train(tuned, 1);
        assertEquals(before, frozen.getLayer(bn).params());
        assertNotEquals(before, tuned.getLayer(bn).params());
    }

    @Test
    void batchNormInInferenceModeComputesWhatBnComputesInInferenceAndStaysPut() {
        SourceModel vgg = Zoo.load("vgg-mnist-0to4");
        MultiLayerNetwork bnNet = Transfer.from(vgg).newHead(5).learningRate(1e-4).seed(3).build();
        MultiLayerNetwork net = Networks.batchNormInInferenceMode(bnNet);
        assertEquals(Layers.names(bnNet), Layers.names(net), "the layers keep their names");
        INDArray x = target.first(8).toDataSet().getFeatures();
        assertTrue(bnNet.output(x, false).equalsWithEps(net.output(x, false), 1e-4), "the same function in inference");
        assertFalse(bnNet.output(x, true).equalsWithEps(net.output(x, true), 1e-4),
                "in training mode BN normalises with the batch's statistics; the folded layer with the source's");
        int bn = Layers.index(net, "bn1a");
        int conv = Layers.index(net, "conv1a");
        INDArray foldedBefore = net.getLayer(bn).params().dup();
        INDArray convBefore = net.getLayer(conv).params().dup();
        train(net, 1);
        assertEquals(foldedBefore, net.getLayer(bn).params(), "the folded scale and shift stay");
        assertNotEquals(convBefore, net.getLayer(conv).params(), "the convolution below still learns");
        assertThrows(IllegalArgumentException.class, () -> Networks.batchNormInInferenceMode(lenet.network()));
    }

    @Test
    void gradualUnfreezingGoesFromTheHeadDown() {
        MultiLayerNetwork net = Transfer.from(lenet).newHead(5).build();
        INDArray conv1 = net.getLayer(0).params().dup();
        Schedule g = Schedule.gradualUnfreezing(net, 1, 1e-3, 1e-4);
        assertEquals(java.util.List.of(new Schedule.Stage(4, 1, 1e-3), new Schedule.Stage(2, 1, 1e-4),
                new Schedule.Stage(0, 1, 1e-4), new Schedule.Stage(-1, 1, 1e-4)), g.stages());
        org.tl4j.train.Run run = g.fit(net, new org.tl4j.data.Target.Split(target, validation, validation), 16, 3, "gradual");
        assertEquals(4, run.epochs());
        assertNotEquals(conv1, net.getLayer(0).params(), "the last stage trains conv1 too");
        assertThrows(IllegalArgumentException.class, () -> Schedule.gradualUnfreezing(Transfer.headOnly(lenet, 5), 1, 1e-3, 1e-4));
        assertThrows(IllegalArgumentException.class, () -> Schedule.gradualUnfreezing(net, 0, 1e-3, 1e-4));
    }

    @Test
    void twoStepStagesAndForgettingMeasurement() {
        MultiLayerNetwork net = Transfer.from(lenet).newHead(5).build();
        Schedule.of(new Schedule.Stage(3, 1, 1e-3), new Schedule.Stage(-1, 1, 1e-4))
                .fit(net, new org.tl4j.data.Target.Split(target, validation, validation), 16, 3, "two steps");
        MultiLayerNetwork back = Networks.withSourceHead(net, lenet.network());
        assertEquals(lenet.network().getLayer(5).params(), back.getLayer(5).params());
        assertEquals(net.getLayer(0).params(), back.getLayer(0).params());
        assertThrows(IllegalArgumentException.class, () -> Networks.withSourceHead(Transfer.from(lenet).newHead(5, 8).build(), lenet.network()));
    }

    @Test
    void topLayersCanBeTransferredForTheSameTask() {
        LayerTransfer lt = LayerTransfer.of(lenet.network(), () -> org.tl4j.zoo.Architectures.lenet(5, 99));
        MultiLayerNetwork top = lt.topNetwork(2, true);
        assertEquals(lenet.network().getLayer(5).params(), top.getLayer(5).params());
        assertEquals(lenet.network().getLayer(4).params(), top.getLayer(4).params());
        assertNotEquals(lenet.network().getLayer(2).params(), top.getLayer(2).params());
        INDArray fc = top.getLayer(4).params().dup();
        INDArray conv1 = top.getLayer(0).params().dup();
        ImageSet sameTask = Mnist.train().classes(0, 1, 2, 3, 4).perClass(10, 1);
        Trainer.of(top).live(false).fit(sameTask.shuffledBatches(10, 1), Mnist.test().classes(0, 1, 2, 3, 4).perClass(20, 1).batches(100));
        assertEquals(fc, top.getLayer(4).params(), "frozen top layers keep their weights");
        assertNotEquals(conv1, top.getLayer(0).params());
        assertThrows(IllegalArgumentException.class, () -> LayerTransfer.of(lenet.network(),
                () -> org.tl4j.zoo.Architectures.lenet(3, 1)).topNetwork(1, true));
    }

    @Test
    void l2spKeepsTransferredWeightsNearTheSource() {
        MultiLayerNetwork plain = Transfer.fineTuneAll(lenet, 5, 1e-3);
        MultiLayerNetwork conserved = Transfer.fineTuneAll(lenet, 5, 1e-3);
        Conservative.l2sp(conserved, 5, 1000.0);
        train(plain, 3);
        train(conserved, 3);
        double movedPlain = Networks.movement(lenet.network(), plain).doubleColumn("relative change").get(0);
        double movedConserved = Networks.movement(lenet.network(), conserved).doubleColumn("relative change").get(0);
        assertTrue(movedConserved < 0.5 * movedPlain, "L2-SP moved conv1 by " + movedConserved + ", plain by " + movedPlain);
        MultiLayerNetwork decayed = Transfer.fineTuneAll(lenet, 5, 1e-3);
        Conservative.l2(decayed, 5, 1000.0);
        train(decayed, 3);
        double normSource = lenet.network().getLayer(0).params().norm2Number().doubleValue();
        assertTrue(decayed.getLayer(0).params().norm2Number().doubleValue() < normSource, "weight decay pulls toward zero");
    }
}
