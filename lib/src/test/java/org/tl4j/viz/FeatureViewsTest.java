package org.tl4j.viz;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.tl4j.data.FashionMnist;
import org.tl4j.data.Mnist;
import org.tl4j.transfer.Networks;
import org.tl4j.transfer.Transfer;
import org.tl4j.zoo.SourceModel;
import org.tl4j.zoo.Zoo;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureViewsTest {
    @Test
    void filtersAndMapsOfTheFirstConvolution() {
        MultiLayerNetwork net = Zoo.load("lenet-mnist-0to4").network();
        Rendition filters = FeatureViews.filters(net, "conv1").render();
        assertTrue(filters.text().startsWith("20 images"), filters.text());
        Rendition maps = FeatureViews.activations(net, "conv1", Mnist.test(), 0).render();
        assertTrue(maps.text().startsWith("20 images"), maps.text());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureViews.filters(net, "fc"));
        assertTrue(e.getMessage().contains("conv1, conv2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureViews.activations(net, "fc", Mnist.test(), 0));
    }

    @Test
    void filterChangesShowWhatTrainingAddedToTheStartingWeights() {
        SourceModel lenet = Zoo.load("lenet-mnist-0to4");
        MultiLayerNetwork start = lenet.untrained();
        assertEquals(org.tl4j.zoo.Architectures.lenet(5, lenet.card().seed()).params(), start.params(), "the recipe's start");
        assertNotEquals(start.params(), lenet.network().params());
        Rendition changes = FeatureViews.filterChanges(start, lenet.network(), "conv1").render();
        assertTrue(changes.text().startsWith("20 images"), changes.text());
        assertFalse(java.util.Arrays.equals(changes.png(), FeatureViews.filters(lenet.network(), "conv1").render().png()),
                "the change is not the filter itself");
        assertThrows(IllegalArgumentException.class, () -> FeatureViews.filterChanges(start, Zoo.load("vgg-mnist-0to4").network(), "conv1"));
    }

    @Test
    void pcaSeparatesSourceClassesBetterThanChance() {
        MultiLayerNetwork net = Zoo.load("lenet-mnist-0to4").network();
        Map<String, org.tl4j.data.ImageSet> sets = new LinkedHashMap<>();
        sets.put("digits", Mnist.test().classes(0, 1).perClass(30, 1));
        sets.put("clothes", FashionMnist.test().classes(0, 1).perClass(30, 1));
        var chart = Projection.pca(net, "fc", sets);
        assertEquals(4, chart.getSeriesCollection().size());
        // the two source digits (0 and 1) end up far apart along the first component
        double[] zeros = chart.getSeries("digits: 0").getXData();
        double[] ones = chart.getSeries("digits: 1").getXData();
        double gap = Math.abs(java.util.Arrays.stream(zeros).average().orElseThrow() - java.util.Arrays.stream(ones).average().orElseThrow());
        double spread = Math.sqrt(java.util.Arrays.stream(zeros).map(v -> v * v).average().orElseThrow());
        assertTrue(gap > spread, "class means " + gap + " apart, spread " + spread);
        assertTrue(Show.rendition(chart).png().length > 5000);
    }

    @Test
    void aFrozenLayerDoesNotMoveAndTheBarChartShowsIt() {
        SourceModel lenet = Zoo.load("lenet-mnist-0to4");
        var moved = Networks.movement(lenet.network(), Transfer.featureExtractor(lenet, 5));
        assertEquals(0.0, moved.doubleColumn("relative change").get(0), 0.0);
        assertTrue(Show.rendition(Bars.of(moved, "layer", "relative change")).png().length > 2000);
    }
}
