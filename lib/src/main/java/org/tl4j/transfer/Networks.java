package org.tl4j.transfer;

import org.tl4j.course.Messages;
import org.tl4j.network.Layers;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.learning.config.NoOp;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Operations on a network's parameters and updaters that DL4J has no one call for. */
public final class Networks {
    private static final Messages TEXT = Messages.of(Networks.class);
    private Networks() {
    }

    /** New random weights for these layers, drawn by DL4J's own initialisers (a fresh copy of the configuration). */
    public static void reinitialize(MultiLayerNetwork net, List<Integer> layers, long seed) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations().clone();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            conf.getConf(i).setSeed(seed + 7919L * (i + 1));
        }
        MultiLayerNetwork fresh = new MultiLayerNetwork(conf);
        fresh.init();
        for (int i : layers) {
            Layers.check(net, i);
            if (net.getLayer(i).numParams() > 0) {
                net.getLayer(i).setParams(fresh.getLayer(i).params().dup());
            }
        }
    }

    /**
     * The same network with batch normalisation in inference mode for good (the Keras guide's advice for
     * fine-tuning): each BN layer becomes the fixed per-channel scale and shift it computes in inference, a
     * frozen 1x1 depthwise convolution with the source's running statistics folded in (scale gamma / std,
     * shift beta - scale * mean) and the same activation. The layers around it train as before, and
     * gradients pass through it exactly as through BN in inference mode. Nothing else changes.
     */
    public static MultiLayerNetwork batchNormInInferenceMode(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations().clone();
        List<Integer> bns = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            if (conf.getConf(i).getLayer() instanceof BatchNormalization bn) {
                DepthwiseConvolution2D affine = new DepthwiseConvolution2D.Builder(1, 1).depthMultiplier(1)
                        .nIn(bn.getNOut()).nOut(bn.getNOut()).activation(bn.getActivationFn()).name(bn.getLayerName())
                        .weightInit(WeightInit.ONES).biasInit(0).updater(new NoOp()).biasUpdater(new NoOp())
                        .convolutionMode(ConvolutionMode.Truncate).build();
                conf.getConf(i).setLayer(new FrozenLayerWithBackprop(affine));
                bns.add(i);
            }
        }
        if (bns.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("Networks.noBatchNorm"));
        }
        MultiLayerNetwork out = new MultiLayerNetwork(conf);
        out.init();
        for (int i = 0; i < net.getnLayers(); i++) {
            if (bns.contains(i)) {
                org.deeplearning4j.nn.api.Layer bn = net.getLayer(i);
                BatchNormalization bnConf = (BatchNormalization) net.getLayerWiseConfigurations().getConf(i).getLayer();
                INDArray std = bnConf.isUseLogStd()
                        ? Transforms.exp(bn.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).mul(Math.log(10)), false)
                        : Transforms.sqrt(bn.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).add(bnConf.getEps()), false);
                INDArray scale = bn.getParam(BatchNormalizationParamInitializer.GAMMA).div(std);
                INDArray shift = bn.getParam(BatchNormalizationParamInitializer.BETA)
                        .sub(scale.mul(bn.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN)));
                INDArray w = out.getLayer(i).getParam("W");
                w.assign(scale.reshape(w.shape()));
                INDArray b = out.getLayer(i).getParam("b");
                b.assign(shift.reshape(b.shape()));
            } else if (net.getLayer(i).numParams() > 0) {
                out.getLayer(i).setParams(net.getLayer(i).params().dup());
            }
        }
        return out;
    }

    /** Per-layer learning rates (Adam); the updater state is rebuilt on the next fit. */
    public static void setLearningRates(MultiLayerNetwork net, Map<Integer, Double> rates) {
        for (Map.Entry<Integer, Double> e : rates.entrySet()) {
            int i = Layers.check(net, e.getKey());
            if (Layers.isFrozen(net, i)) {
                throw new IllegalArgumentException(TEXT.get("Networks.layerFrozen", i, Layers.names(net).get(i)));
            }
            org.deeplearning4j.nn.conf.layers.Layer c = net.getLayerWiseConfigurations().getConf(i).getLayer();
            if (c instanceof BaseLayer) {
                ((BaseLayer) c).setIUpdater(new Adam(e.getValue()));
            }
        }
        net.setUpdater(null);
    }

    /**
     * The tuned network's layers under the source network's own output layer: how well does the
     * tuned network still do the source task? (Catastrophic forgetting, measured.) Both networks
     * must have the same layers below the output.
     */
    public static MultiLayerNetwork withSourceHead(MultiLayerNetwork tuned, MultiLayerNetwork source) {
        if (tuned.getnLayers() != source.getnLayers()) {
            throw new IllegalArgumentException(TEXT.get("Networks.layerCountsDiffer",
                    tuned.getnLayers(), source.getnLayers()));
        }
        MultiLayerNetwork out = source.clone();
        for (int i = 0; i < source.getnLayers() - 1; i++) {
            if (out.getLayer(i).numParams() != tuned.getLayer(i).numParams()) {
                throw new IllegalArgumentException(TEXT.get("Networks.layerSizeDiffers", i));
            }
            if (out.getLayer(i).numParams() > 0) {
                out.getLayer(i).setParams(tuned.getLayer(i).params().dup());
            }
        }
        return out;
    }

    /**
     * How far one layer's weights moved: ||after - before|| / ||before||. Under Adam every weight steps by about
     * the learning rate whatever its gradient, so compare one layer across runs, not layers of different
     * weight scale with each other.
     */
    public static double relativeChange(MultiLayerNetwork before, MultiLayerNetwork after, String layer) {
        int i = Layers.index(after, layer);
        INDArray a = before.getLayer(i).params();
        INDArray b = after.getLayer(i).params();
        if (a.length() != b.length() || a.length() == 0) {
            throw new IllegalArgumentException(TEXT.get("Networks.noSharedWeights", layer));
        }
        return b.sub(a).norm2Number().doubleValue() / Math.max(1e-12, a.norm2Number().doubleValue());
    }

    /**
     * How far each layer moved from one network to another of the same architecture (e.g. source
     * and fine-tuned): the relative change ||w_after - w_before|| / ||w_before|| per layer with
     * weights. Layers of a replaced head (other shapes) are reported as NaN.
     */
    public static tech.tablesaw.api.Table movement(MultiLayerNetwork before, MultiLayerNetwork after) {
        tech.tablesaw.api.StringColumn name = tech.tablesaw.api.StringColumn.create("layer");
        tech.tablesaw.api.DoubleColumn moved = tech.tablesaw.api.DoubleColumn.create("relative change");
        List<String> names = Layers.names(after);
        int n = Math.min(before.getnLayers(), after.getnLayers());
        for (int i = 0; i < n; i++) {
            if (after.getLayer(i).numParams() == 0) {
                continue;
            }
            name.append(names.get(i));
            org.nd4j.linalg.api.ndarray.INDArray a = before.getLayer(i).params();
            org.nd4j.linalg.api.ndarray.INDArray b = after.getLayer(i).params();
            if (a.length() != b.length()) {
                moved.append(Double.NaN);
            } else {
                moved.append(b.sub(a).norm2Number().doubleValue() / Math.max(1e-12, a.norm2Number().doubleValue()));
            }
        }
        moved.setPrintFormatter(tech.tablesaw.columns.numbers.NumberColumnFormatter.fixedWithGrouping(4));
        return tech.tablesaw.api.Table.create("How far each layer moved", name, moved);
    }
}
