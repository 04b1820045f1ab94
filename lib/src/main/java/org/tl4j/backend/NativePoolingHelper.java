package org.tl4j.backend;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingHelper;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * Max and average pooling on libnd4j's own CPU kernels instead of oneDNN's. In ND4J 1.0.0-M2.1
 * DL4J's oneDNN pooling helper hands oneDNN NCHW arrays, for which oneDNN runs its reference
 * implementation: 3-6 times slower than libnd4j's kernels on the course's shapes (see
 * {@code make bench}). Same results (a test compares both with DL4J's built-in path).
 * Installed on a network's pooling layers by {@link FastPath}.
 */
public final class NativePoolingHelper implements SubsamplingHelper {
    private final OpContext forward = Nd4j.getExecutioner().buildContext();
    private final OpContext backward = Nd4j.getExecutioner().buildContext();

    @Override
    public INDArray activate(INDArray input, boolean training, int[] kernel, int[] strides, int[] pad,
                             PoolingType type, ConvolutionMode mode, int[] dilation, CNN2DFormat format,
                             LayerWorkspaceMgr workspaces) {
        String op = opName(type);
        if (op == null) {
            return null; // SUM, PNORM: DL4J's built-in path
        }
        int[] out = ConvolutionUtils.getOutputSize(input, kernel, strides, mode == ConvolutionMode.Same ? null : pad,
                mode, dilation, format);
        int[] padding = mode == ConvolutionMode.Same ? samePadding(input, out, kernel, strides, dilation, format) : pad;
        long[] shape = format == CNN2DFormat.NCHW
                ? new long[]{input.size(0), input.size(1), out[0], out[1]}
                : new long[]{input.size(0), out[0], out[1], input.size(3)};
        INDArray output = workspaces.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), shape);
        run(forward, op, kernel, strides, padding, dilation, mode, format, new INDArray[]{input}, output);
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, int[] kernel, int[] strides,
                                                     int[] pad, PoolingType type, ConvolutionMode mode, int[] dilation,
                                                     CNN2DFormat format, LayerWorkspaceMgr workspaces) {
        String op = opName(type);
        if (op == null) {
            return null;
        }
        int h = format == CNN2DFormat.NCHW ? 2 : 1;
        int[] out = {(int) epsilon.size(h), (int) epsilon.size(h + 1)};
        int[] padding = mode == ConvolutionMode.Same ? samePadding(input, out, kernel, strides, dilation, format) : pad;
        INDArray gradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape());
        run(backward, op + "_bp", kernel, strides, padding, dilation, mode, format,
                new INDArray[]{input, epsilon}, gradient);
        return new Pair<>(new DefaultGradient(), gradient);
    }

    private static String opName(PoolingType type) {
        switch (type) {
            case MAX:
                return "maxpool2d";
            case AVG:
                return "avgpool2d";
            default:
                return null;
        }
    }

    private static int[] samePadding(INDArray input, int[] out, int[] kernel, int[] strides, int[] dilation,
                                     CNN2DFormat format) {
        int h = format == CNN2DFormat.NCHW ? 2 : 1;
        return ConvolutionUtils.getSameModeTopLeftPadding(out, new int[]{(int) input.size(h), (int) input.size(h + 1)},
                kernel, strides, dilation);
    }

    /** libnd4j's pooling arguments: kernel, stride, padding, dilation, same mode, divisor mode, NHWC. */
    private static void run(OpContext c, String op, int[] kernel, int[] strides, int[] pad, int[] dilation,
                            ConvolutionMode mode, CNN2DFormat format, INDArray[] inputs, INDArray output) {
        c.purge();
        c.allowHelpers(false); // libnd4j's generic kernel, not its oneDNN platform helper
        c.setIArguments(kernel[0], kernel[1], strides[0], strides[1], pad[0], pad[1], dilation[0], dilation[1],
                mode == ConvolutionMode.Same ? 1 : 0, 0, format == CNN2DFormat.NHWC ? 1 : 0);
        c.setInputArrays(inputs);
        c.setOutputArrays(output);
        Nd4j.exec(DynamicCustomOp.builder(op).build(), c);
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Map.of();
    }

    @Override
    public boolean checkSupported() {
        return true;
    }
}
