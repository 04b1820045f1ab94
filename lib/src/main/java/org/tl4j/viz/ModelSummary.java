package org.tl4j.viz;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tl4j.course.Messages;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A network as a table: one row a layer, with its type, sizes, parameters and whether it trains. */
public final class ModelSummary {
    private static final Messages TEXT = Messages.of(ModelSummary.class);
    private ModelSummary() {
    }

    public static Table of(MultiLayerNetwork net) {
        requireInitialised(net.params() != null || net.getLayers() != null);
        Builder b = new Builder();
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            b.add(i, layers[i]);
        }
        return b.table("MultiLayerNetwork");
    }

    public static Table of(ComputationGraph graph) {
        requireInitialised(graph.getVertices() != null);
        Builder b = new Builder();
        int[] order = graph.topologicalSortOrder();
        int row = 0;
        for (int v : order) {
            GraphVertex vertex = graph.getVertices()[v];
            if (vertex.isInputVertex()) {
                continue;
            }
            if (vertex.hasLayer()) {
                b.add(row++, vertex.getLayer());
            } else {
                b.addVertex(row++, vertex.getVertexName(), vertex.getClass().getSimpleName().replace("Vertex", ""));
            }
        }
        return b.table("ComputationGraph");
    }

    public static Rendition rendition(Object model) {
        Table t = model instanceof ComputationGraph ? of((ComputationGraph) model) : of((MultiLayerNetwork) model);
        return TableHtml.rendition(t);
    }

    private static void requireInitialised(boolean ok) {
        if (!ok) {
            throw new IllegalStateException(TEXT.get("ModelSummary.notInitialised"));
        }
    }

    private static final class Builder {
        final IntColumn index = IntColumn.create("#");
        final StringColumn name = StringColumn.create("layer");
        final StringColumn type = StringColumn.create("type");
        final StringColumn nIn = StringColumn.create("nIn");
        final StringColumn nOut = StringColumn.create("nOut");
        final LongColumn params = LongColumn.create("parameters");
        final StringColumn state = StringColumn.create("state");
        long total;
        long trainable;

        void add(int i, Layer layer) {
            boolean frozen = layer instanceof FrozenLayer || layer instanceof FrozenLayerWithBackprop;
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            if (conf instanceof org.deeplearning4j.nn.conf.layers.misc.FrozenLayer) {
                conf = ((org.deeplearning4j.nn.conf.layers.misc.FrozenLayer) conf).getLayer();
            } else if (conf instanceof org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop) {
                conf = ((org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop) conf).getUnderlying();
            }
            long n = layer.numParams();
            index.append(i);
            name.append(conf.getLayerName() == null ? "layer" + i : conf.getLayerName());
            type.append(conf.getClass().getSimpleName());
            if (conf instanceof FeedForwardLayer) {
                nIn.append(String.valueOf(((FeedForwardLayer) conf).getNIn()));
                nOut.append(String.valueOf(((FeedForwardLayer) conf).getNOut()));
            } else {
                nIn.append("-");
                nOut.append("-");
            }
            params.append(n);
            state.append(n == 0 ? "-" : frozen ? "frozen" : "trainable");
            total += n;
            if (!frozen) {
                trainable += n;
            }
        }

        void addVertex(int i, String vertexName, String vertexType) {
            index.append(i);
            name.append(vertexName);
            type.append(vertexType);
            nIn.append("-");
            nOut.append("-");
            params.append(0L);
            state.append("-");
        }

        Table table(String kind) {
            String title = String.format("%s: %,d parameters, %,d trainable, %,d frozen",
                    kind, total, trainable, total - trainable);
            return Table.create(title, index, name, type, nIn, nOut, params, state);
        }
    }
}
