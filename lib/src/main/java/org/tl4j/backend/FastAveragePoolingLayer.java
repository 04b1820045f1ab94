package org.tl4j.backend;

import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.pooling.GlobalPoolingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's global average (or sum) pooling over the words of a text, same configuration and
 * results, in plain Java loops while the network trains: DL4J's masked version takes four ND4J calls
 * forward and five back, which cost a third of a text model's step. Time series [texts, vector,
 * words] with an optional [texts, words] mask; inference (measured faster on DL4J's calls for its
 * large batches) and anything else go to DL4J's own code. {@link FastPath} swaps it in.
 */
final class FastAveragePoolingLayer extends GlobalPoolingLayer {
    FastAveragePoolingLayer(GlobalPoolingLayer original) {
        super(original.conf(), DataType.FLOAT);
        setIndex(original.getIndex());
        setListeners(original.getListeners());
    }

    static boolean canReplace(org.deeplearning4j.nn.api.Layer layer, DataType dataType) {
        if (layer.getClass() != GlobalPoolingLayer.class || dataType != DataType.FLOAT) {
            return false;
        }
        org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer c =
                (org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer) layer.conf().getLayer();
        return (c.getPoolingType() == PoolingType.AVG || c.getPoolingType() == PoolingType.SUM)
                && c.isCollapseDimensions() && c.getPoolingDimensions() == null && c.getIDropout() == null;
    }

    private boolean handles(INDArray x) {
        return x.rank() == 3 && x.dataType() == DataType.FLOAT && (maskArray == null
                || maskArray.rank() == 2 && maskArray.size(0) == x.size(0) && maskArray.size(1) == x.size(2));
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        if (!training || !handles(input)) {
            return super.activate(training, workspaces); // inference batches are large: DL4J's calls are faster there
        }
        int texts = (int) input.size(0);
        int width = (int) input.size(1);
        int words = (int) input.size(2);
        float[] x = HostFloats.of(input);
        float[] weights = weights(texts, words);
        float[] out = new float[texts * width];
        for (int b = 0; b < texts; b++) {
            for (int j = 0; j < width; j++) {
                float sum = 0;
                int at = (b * width + j) * words;
                for (int t = 0; t < words; t++) {
                    sum += x[at + t] * weights[b * words + t];
                }
                out[b * width + j] = sum;
            }
        }
        INDArray pooled = workspaces.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, new long[]{texts, width}, 'c');
        HostFloats.write(out, pooled);
        return pooled;
    }

    /** Each word's weight in its text's pool: mask / words counted (average) or the mask (sum). */
    private float[] weights(int texts, int words) {
        float[] mask = maskArray == null ? null : HostFloats.of(maskArray.castTo(DataType.FLOAT));
        boolean average = layerConf().getPoolingType() == PoolingType.AVG;
        float[] w = new float[texts * words];
        for (int b = 0; b < texts; b++) {
            float count = 0;
            for (int t = 0; t < words; t++) {
                count += mask == null ? 1f : mask[b * words + t];
            }
            for (int t = 0; t < words; t++) {
                float m = mask == null ? 1f : mask[b * words + t];
                w[b * words + t] = average ? m / count : m;
            }
        }
        return w;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        if (!handles(input) || epsilon.rank() != 2) {
            return super.backpropGradient(epsilon, workspaces);
        }
        int texts = (int) input.size(0);
        int width = (int) input.size(1);
        int words = (int) input.size(2);
        float[] e = HostFloats.of(epsilon);
        float[] weights = weights(texts, words);
        float[] out = new float[texts * width * words];
        for (int b = 0; b < texts; b++) {
            for (int j = 0; j < width; j++) {
                int at = (b * width + j) * words;
                for (int t = 0; t < words; t++) {
                    out[at + t] = e[b * width + j] * weights[b * words + t];
                }
            }
        }
        INDArray grad = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                new long[]{texts, width, words}, 'c');
        HostFloats.write(out, grad);
        return new Pair<>(new DefaultGradient(), grad);
    }
}
