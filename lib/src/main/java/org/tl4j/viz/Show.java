package org.tl4j.viz;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tl4j.train.History;
import tech.tablesaw.api.Table;

/** How the course shows an object: the one place that maps types to renditions. */
public final class Show {
    private Show() {
    }

    /** True for the types that {@link #rendition} knows. */
    public static boolean knows(Object o) {
        return o instanceof Visual || o instanceof Chart || o instanceof Table || o instanceof INDArray
                || o instanceof MultiLayerNetwork || o instanceof ComputationGraph || o instanceof History;
    }

    public static Rendition rendition(Object o) {
        if (o instanceof Visual) {
            return ((Visual) o).render();
        }
        if (o instanceof Chart) {
            return ChartImages.rendition((Chart<?, ?>) o);
        }
        if (o instanceof Table) {
            return TableHtml.rendition((Table) o);
        }
        if (o instanceof INDArray) {
            return ArrayText.rendition((INDArray) o);
        }
        if (o instanceof MultiLayerNetwork || o instanceof ComputationGraph) {
            return ModelSummary.rendition(o);
        }
        if (o instanceof History h) {
            return TableHtml.rendition(h.table());
        }
        return Rendition.text(String.valueOf(o));
    }
}
