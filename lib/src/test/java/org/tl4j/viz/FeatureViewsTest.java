package org.tl4j.viz;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.tl4j.data.FashionMnist;
import org.tl4j.data.Mnist;
import org.tl4j.train.History;
import org.tl4j.train.Trainer;
import org.tl4j.transfer.Networks;
import org.tl4j.transfer.Transfer;
import org.tl4j.zoo.SourceModel;
import org.tl4j.zoo.Zoo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void benefitsAreMeasuredFromHistories() {
        SourceModel lenet = Zoo.load("lenet-mnist-0to4");
        var target = Mnist.train().classes(5, 6, 7, 8, 9).perClass(10, 1);
        var val = Mnist.test().classes(5, 6, 7, 8, 9).perClass(30, 2);
        History transfer = Trainer.of(Transfer.featureExtractor(lenet, 5)).epochs(4).live(false).name("transfer")
                .fit(target.shuffledBatches(10, 1), val.batches(150));
        History scratch = Trainer.of(org.tl4j.zoo.Architectures.lenet(5, 3)).epochs(4).live(false).name("scratch")
                .fit(target.shuffledBatches(10, 1), val.batches(150));
        var table = Benefits.table(List.of(transfer, scratch));
        assertEquals(2, table.rowCount());
        assertEquals(transfer.accuracies()[0], table.doubleColumn(1).get(0), 1e-12);
        assertTrue(Show.rendition(Benefits.chart(transfer, scratch)).png().length > 5000);
        // the transferred conv layers did not move; a bar chart shows it
        var moved = Networks.movement(lenet.network(), Transfer.featureExtractor(lenet, 5));
        assertEquals(0.0, moved.doubleColumn("relative change").get(0), 0.0);
        assertTrue(Show.rendition(Bars.of(moved, "layer", "relative change")).png().length > 2000);
    }
}
