package org.tl4j.backend;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's 2-D convolution layer with two savings during training, same configuration and results.
 * DL4J 1.0.0-M2.1 computes each convolution twice per step (backprop recomputes the forward
 * pass); this layer keeps its training forward result for backprop. And where nothing reads the
 * input gradient (the network's first layer, or the first one above frozen layers, while the
 * network trains), it skips it: the weight gradient is then itself a convolution, of the input
 * by the output gradient, which oneDNN runs 3 times faster than its full backward pass on the
 * first layer of a LeNet. A plain ReLU's gradient goes through {@link ReluGradient}.
 * {@link FastPath} swaps it in; saved models keep DL4J's own class.
 */
final class FastConvolutionLayer extends ConvolutionLayer {
    private final MultiLayerNetwork net;
    private final OpContext forward = Nd4j.getExecutioner().buildContext();
    private final OpContext backward = Nd4j.getExecutioner().buildContext();
    private INDArray keptZ;      // pre-activation of the last training forward pass
    private INDArray keptInput;  // the input it was computed from

    FastConvolutionLayer(ConvolutionLayer original, MultiLayerNetwork net) {
        super(original.conf(), DataType.FLOAT);
        this.net = net;
        FastPath.takeOver(original, this);
    }

    /** Plain float NCHW 2-D convolutions, without dropout or weight noise. */
    static boolean canReplace(org.deeplearning4j.nn.api.Layer layer, DataType dataType) {
        if (layer.getClass() != ConvolutionLayer.class || dataType != DataType.FLOAT) {
            return false; // Convolution1DLayer, depthwise, separable... keep DL4J's path
        }
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c =
                (org.deeplearning4j.nn.conf.layers.ConvolutionLayer) layer.conf().getLayer();
        return c.getCnn2dDataFormat() == CNN2DFormat.NCHW && c.getIDropout() == null && c.getWeightNoise() == null
                && c.getConvolutionMode() != ConvolutionMode.Causal;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        keptZ = null;
        if (input.rank() != 4 || input.size(1) != layerConf().getNIn() || input.dataType() != DataType.FLOAT) {
            return super.activate(training, workspaces); // DL4J's own checks and messages
        }
        INDArray z = convolve(workspaces);
        if (!training) {
            return layerConf().getActivationFn().getActivation(z, false);
        }
        keptInput = input;
        if (layerConf().getActivationFn() instanceof ActivationIdentity) {
            keptZ = z;
            return z;
        }
        keptZ = workspaces.dup(ArrayType.ACTIVATIONS, z);
        return layerConf().getActivationFn().getActivation(z, true);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        if (keptZ == null || keptInput != input || keptZ.wasClosed()) {
            return super.backpropGradient(epsilon, workspaces); // no forward pass of ours to reuse
        }
        INDArray z = keptZ;
        keptZ = null; // the activation's backprop overwrites it
        INDArray delta = ReluGradient.isPlain(layerConf().getActivationFn()) ? ReluGradient.of(z, epsilon.castTo(dataType), z)
                : layerConf().getActivationFn().backprop(z, epsilon.castTo(dataType)).getFirst();
        INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        INDArray biasGrad = layerConf().hasBias() ? gradientViews.get(ConvolutionParamInitializer.BIAS_KEY) : null;
        INDArray inputGrad;
        if (weightGradientIsAConvolution() && InputGradient.unused(this, net)) {
            weightGradientByConvolution(delta, weightGrad);
            if (biasGrad != null) {
                biasGrad.assign(delta.sum(0, 2, 3).reshape(biasGrad.shape()));
            }
            // read by nothing: the network drops the first layer's, frozen layers stop backprop
            inputGrad = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape());
        } else {
            inputGrad = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape());
            run(backward, "conv2d_bp", biasGrad == null ? new INDArray[]{input, getParam("W"), delta}
                            : new INDArray[]{input, getParam("W"), getParam("b"), delta},
                    biasGrad == null ? new INDArray[]{inputGrad, weightGrad} : new INDArray[]{inputGrad, weightGrad, biasGrad},
                    padding(), layerConf().getKernelSize(), layerConf().getStride(), layerConf().getDilation(),
                    convolutionMode == ConvolutionMode.Same);
        }
        Gradient gradient = new DefaultGradient();
        if (biasGrad != null) {
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGrad);
        }
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');
        return new Pair<>(gradient, inputGrad);
    }

    /** The convolution (no activation) into the activations' workspace, on oneDNN. */
    private INDArray convolve(LayerWorkspaceMgr workspaces) {
        INDArray w = getParam("W");
        int[] out = ConvolutionUtils.getOutputSize(input, layerConf().getKernelSize(), layerConf().getStride(),
                convolutionMode == ConvolutionMode.Same ? null : layerConf().getPadding(), convolutionMode,
                layerConf().getDilation(), CNN2DFormat.NCHW);
        INDArray z = workspaces.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                input.size(0), w.size(0), out[0], out[1]);
        run(forward, "conv2d", layerConf().hasBias() ? new INDArray[]{input, w, getParam("b")} : new INDArray[]{input, w},
                new INDArray[]{z}, padding(), layerConf().getKernelSize(), layerConf().getStride(),
                layerConf().getDilation(), convolutionMode == ConvolutionMode.Same);
        return z;
    }

    /** Stride 1, no dilation, symmetric padding: dW[o,i,:,:] = sum over the batch of x[i] (*) delta[o]. */
    private boolean weightGradientIsAConvolution() {
        int[] s = layerConf().getStride();
        int[] d = layerConf().getDilation();
        return s[0] == 1 && s[1] == 1 && d[0] == 1 && d[1] == 1 && convolutionMode != ConvolutionMode.Same;
    }

    private void weightGradientByConvolution(INDArray delta, INDArray weightGrad) {
        // batch and channels swap roles: x^T [in, batch, H, W] convolved by delta^T [out, batch, oH, oW]
        INDArray x = input.castTo(dataType);
        INDArray xT = x.size(1) == 1 ? x.reshape('c', 1, x.size(0), x.size(2), x.size(3)) : x.permute(1, 0, 2, 3).dup('c');
        INDArray deltaT = delta.permute(1, 0, 2, 3).dup('c');
        long[] w = weightGrad.shape();
        INDArray gradT = w[1] == 1 ? weightGrad.reshape('c', 1, w[0], w[2], w[3]) : Nd4j.createUninitialized(dataType, w[1], w[0], w[2], w[3]);
        run(backward, "conv2d", new INDArray[]{xT, deltaT}, new INDArray[]{gradT}, layerConf().getPadding(),
                new int[]{(int) delta.size(2), (int) delta.size(3)}, new int[]{1, 1}, new int[]{1, 1}, false);
        if (w[1] != 1) {
            weightGrad.assign(gradT.permute(1, 0, 2, 3));
        }
    }

    private int[] padding() {
        if (convolutionMode != ConvolutionMode.Same) {
            return layerConf().getPadding();
        }
        int[] out = ConvolutionUtils.getOutputSize(input, layerConf().getKernelSize(), layerConf().getStride(), null,
                convolutionMode, layerConf().getDilation(), CNN2DFormat.NCHW);
        return ConvolutionUtils.getSameModeTopLeftPadding(out, new int[]{(int) input.size(2), (int) input.size(3)},
                layerConf().getKernelSize(), layerConf().getStride(), layerConf().getDilation());
    }

    /** libnd4j's conv2d arguments: kernel, stride, padding, dilation, same mode, NCHW, weights [out, in, kH, kW]. */
    private static void run(OpContext c, String op, INDArray[] inputs, INDArray[] outputs, int[] pad, int[] kernel,
                            int[] stride, int[] dilation, boolean same) {
        c.purge();
        c.setIArguments(kernel[0], kernel[1], stride[0], stride[1], pad[0], pad[1], dilation[0], dilation[1],
                same ? 1 : 0, 0, 1);
        c.setInputArrays(inputs);
        c.setOutputArrays(outputs);
        Nd4j.exec(DynamicCustomOp.builder(op).build(), c);
    }
}
