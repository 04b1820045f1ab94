package org.tl4j.backend;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.embedding.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's word-vector lookup (EmbeddingSequenceLayer), same configuration and results, looked up and
 * scattered back in plain Java loops while the network trains. DL4J's does it in five ND4J calls each
 * way (rows, mask, scatter), and their fixed costs were most of a text model's step: its scatter alone
 * took a fifth. Inference, on batches of hundreds of texts, keeps DL4J's calls (measured faster there).
 * Identity activation only (the layer's default). {@link FastPath} swaps it in.
 */
final class FastEmbeddingLayer extends EmbeddingSequenceLayer {
    private int[] rows;        // the looked-up row of each (text, position), kept for backprop
    private float[] keptMask;  // 1 for a word, 0 for padding; null: every position is a word
    private INDArray keptInput;
    private float[] gradient;  // reused: the vocabulary's weight gradient, as stored

    FastEmbeddingLayer(EmbeddingSequenceLayer original) {
        super(original.conf(), DataType.FLOAT);
        FastPath.takeOver(original, this);
    }

    static boolean canReplace(org.deeplearning4j.nn.api.Layer layer, DataType dataType) {
        if (layer.getClass() != EmbeddingSequenceLayer.class || dataType != DataType.FLOAT) {
            return false;
        }
        org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer c =
                (org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer) layer.conf().getLayer();
        return c.getActivationFn() instanceof ActivationIdentity && c.getIDropout() == null && c.getWeightNoise() == null;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        rows = null;
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        int[] indices = training && HostFloats.dense(w) && maskFits() ? indices() : null;
        if (indices == null) {
            return super.activate(training, workspaces); // inference's large batches, or DL4J's own checks and messages
        }
        float[] mask = maskArray == null ? null : HostFloats.of(maskArray);
        float[] bias = hasBias() ? HostFloats.of(getParam(DefaultParamInitializer.BIAS_KEY)) : null;
        float[] table = HostFloats.stored(w);
        int nIn = (int) w.size(0);
        int nOut = (int) w.size(1);
        int length = layerConf().getInputLength();
        boolean f = w.ordering() == 'f';
        boolean ncw = layerConf().getOutputFormat() == RNNFormat.NCW;
        int texts = indices.length / length;
        float[] out = new float[indices.length * nOut];
        for (int j = 0; j < nOut; j++) { // a column at a time: DL4J stores the table column by column
            for (int b = 0; b < texts; b++) {
                for (int t = 0, p = b * length; t < length; t++, p++) {
                    float x = table[f ? indices[p] + j * nIn : indices[p] * nOut + j];
                    float m = mask == null ? 1f : mask[p];
                    out[ncw ? (b * nOut + j) * length + t : p * nOut + j] = (bias == null ? x : x + bias[j]) * m;
                }
            }
        }
        INDArray z = workspaces.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                ncw ? new long[]{texts, nOut, length} : new long[]{texts, length, nOut}, 'c');
        HostFloats.write(out, z);
        if (training) {
            rows = indices;
            keptMask = mask;
            keptInput = input;
        }
        return z;
    }

    /** The word indices, text by text; null where DL4J's own checks should speak (bad shape or index). */
    private int[] indices() {
        INDArray in = input.rank() == 3 && input.size(1) == 1 ? input.reshape(input.size(0), input.size(2)) : input;
        if (in.rank() != 2 || in.dataType() != DataType.FLOAT) {
            return null;
        }
        if (layerConf().isInferInputLength()) {
            layerConf().setInputLength(in.columns());
        }
        if (in.columns() != layerConf().getInputLength()) {
            return null;
        }
        float[] values = HostFloats.of(in);
        int[] out = new int[values.length];
        long nIn = layerConf().getNIn();
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];  // DL4J reads the indices as ints too
            if (out[i] < 0 || out[i] >= nIn) {
                return null;
            }
        }
        return out;
    }

    private boolean maskFits() {
        if (maskArray == null) {
            return true;
        }
        long texts = input.size(0);
        long positions = input.size(input.rank() - 1);
        return maskArray.rank() == 2 && maskArray.size(0) == texts && maskArray.size(1) == positions;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        if (rows == null || keptInput != input) {
            return super.backpropGradient(epsilon, workspaces);
        }
        float[] delta = HostFloats.of(epsilon);  // [texts, nOut, length] (NCW) or [texts, length, nOut]
        INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        int nIn = (int) weightGrad.size(0);
        int nOut = (int) weightGrad.size(1);
        int length = layerConf().getInputLength();
        boolean ncw = layerConf().getOutputFormat() == RNNFormat.NCW;
        if (gradient == null || gradient.length != nIn * nOut) {
            gradient = new float[nIn * nOut];
        } else {
            Arrays.fill(gradient, 0f);
        }
        boolean f = weightGrad.ordering() == 'f';
        float[] biasGrad = hasBias() ? new float[nOut] : null;
        int texts = rows.length / length;
        for (int j = 0; j < nOut; j++) {
            for (int b = 0; b < texts; b++) {
                for (int t = 0, p = b * length; t < length; t++, p++) {
                    float d = delta[ncw ? (b * nOut + j) * length + t : p * nOut + j] * (keptMask == null ? 1f : keptMask[p]);
                    gradient[f ? rows[p] + j * nIn : rows[p] * nOut + j] += d;
                    if (biasGrad != null) {
                        biasGrad[j] += d;
                    }
                }
            }
        }
        rows = null;
        Gradient g = new DefaultGradient();
        HostFloats.write(gradient, weightGrad);
        g.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
        if (biasGrad != null) {
            INDArray b = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            HostFloats.write(biasGrad, b);
            g.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, b);
        }
        return new Pair<>(g, null);
    }

    @Override
    public void clear() {
        super.clear();
        rows = null;
        keptInput = null;
    }
}
