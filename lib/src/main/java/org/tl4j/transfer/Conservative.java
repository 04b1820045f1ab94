package org.tl4j.transfer;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Conservative training: a penalty (alpha / 2) * ||w - w_source||^2 on the transferred layers pulls
 * their weights toward the values they had in the source network (L2-SP, Li et al. 2018), instead
 * of toward zero as plain weight decay does. Added to the gradient before each update, so it works
 * with any updater. New layers (the head) get no pull.
 */
public final class Conservative extends BaseTrainingListener {
    private final double alpha;
    private final boolean towardZero;
    private final List<Integer> layers = new ArrayList<>();
    private final List<INDArray> anchors = new ArrayList<>();

    private Conservative(MultiLayerNetwork net, int transferredLayers, double alpha, boolean towardZero) {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
        }
        if (transferredLayers < 0 || transferredLayers > net.getnLayers()) {
            throw new IllegalArgumentException("transferred layers must be 0.." + net.getnLayers() + ", got " + transferredLayers);
        }
        this.alpha = alpha;
        this.towardZero = towardZero;
        for (int i = 0; i < transferredLayers; i++) {
            if (net.getLayer(i).numParams() > 0 && !Layers.isFrozen(net, i)) {
                layers.add(i);
                anchors.add(towardZero ? null : net.getLayer(i).params().dup());
            }
        }
    }

    /**
     * L2-SP: pulls the first {@code transferredLayers} layers toward their current (source) weights.
     * Call right after transfer, before training.
     */
    public static Conservative l2sp(MultiLayerNetwork net, int transferredLayers, double alpha) {
        Conservative c = new Conservative(net, transferredLayers, alpha, false);
        net.addListeners(c);
        return c;
    }

    /** Plain L2 weight decay on the same layers, for comparison: the pull is toward zero. */
    public static Conservative l2(MultiLayerNetwork net, int transferredLayers, double alpha) {
        Conservative c = new Conservative(net, transferredLayers, alpha, true);
        net.addListeners(c);
        return c;
    }

    @Override
    public void onGradientCalculation(Model model) {
        MultiLayerNetwork net = (MultiLayerNetwork) model;
        for (int k = 0; k < layers.size(); k++) {
            int i = layers.get(k);
            INDArray w = net.getLayer(i).params();
            INDArray g = net.getLayer(i).getGradientsViewArray();
            if (towardZero) {
                g.addi(w.mul(alpha));
            } else {
                g.addi(w.sub(anchors.get(k)).muli(alpha));
            }
        }
    }

}
