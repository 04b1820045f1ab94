package org.tl4j.transfer;

import org.tl4j.course.Messages;
import org.tl4j.network.Layers;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Conservative training: a penalty (alpha / 2) * ||w - w_source||^2 on the weights of the transferred layers
 * pulls them toward the values they had in the source network (L2-SP, Li et al. 2018), instead of toward
 * zero as plain weight decay does. Biases and batch-normalisation parameters get no pull, nor do new layers
 * (the head). The loss the penalty joins is the mean over a mini-batch: DL4J sums the examples' gradients
 * and its updater divides by the batch size, so the pull is added times the batch size to arrive as
 * alpha * (w - w_source). It is added to the gradient before each update, so it works with any updater.
 */
public final class Conservative extends BaseTrainingListener {
    private static final Messages TEXT = Messages.of(Conservative.class);
    private static final String WEIGHTS = "W";
    private final double alpha;
    private final boolean towardZero;
    private final List<Integer> layers = new ArrayList<>();
    private final List<INDArray> anchors = new ArrayList<>();

    private Conservative(MultiLayerNetwork net, int transferredLayers, double alpha, boolean towardZero) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException(TEXT.get("Conservative.alphaNegative", alpha));
        }
        if (transferredLayers < 0 || transferredLayers > net.getnLayers()) {
            throw new IllegalArgumentException(TEXT.get("Conservative.transferredLayersOutOfRange",
                    net.getnLayers(), transferredLayers));
        }
        this.alpha = alpha;
        this.towardZero = towardZero;
        for (int i = 0; i < transferredLayers; i++) {
            if (net.getLayer(i).paramTable().containsKey(WEIGHTS) && !Layers.isFrozen(net, i)) {
                layers.add(i);
                anchors.add(towardZero ? null : net.getLayer(i).getParam(WEIGHTS).dup());
            }
        }
    }

    /**
     * L2-SP: pulls the weights of the first {@code transferredLayers} layers toward their current (source)
     * values. Call right after transfer, before training.
     */
    public static Conservative l2sp(MultiLayerNetwork net, int transferredLayers, double alpha) {
        Conservative c = new Conservative(net, transferredLayers, alpha, false);
        net.addListeners(c);
        return c;
    }

    /** Plain L2 weight decay on the same weights, for comparison: the pull is toward zero. */
    public static Conservative l2(MultiLayerNetwork net, int transferredLayers, double alpha) {
        Conservative c = new Conservative(net, transferredLayers, alpha, true);
        net.addListeners(c);
        return c;
    }

    /** The layers whose weights are pulled, by index. */
    public List<Integer> layers() {
        return List.copyOf(layers);
    }

    @Override
    public void onGradientCalculation(Model model) {
        MultiLayerNetwork net = (MultiLayerNetwork) model;
        Gradient gradient = net.gradient();
        for (int k = 0; k < layers.size(); k++) {
            int i = layers.get(k);
            String key = i + "_" + WEIGHTS;
            // the updater divides this gradient by the batch size: multiply first, so that alpha arrives intact
            double scale = net.updaterDivideByMinibatch(key) ? alpha * Math.max(1, net.getInputMiniBatchSize()) : alpha;
            INDArray w = net.getLayer(i).getParam(WEIGHTS);
            INDArray g = gradient.getGradientFor(key);
            INDArray pull = towardZero ? w.dup() : w.sub(anchors.get(k));
            g.addi(pull.muli(scale));
        }
    }
}
