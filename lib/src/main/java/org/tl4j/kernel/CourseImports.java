package org.tl4j.kernel;

import java.util.List;
import java.util.stream.Collectors;

/** The imports every notebook starts with, so that lessons need no import lines. */
public final class CourseImports {
    public static final List<String> PACKAGES = List.of(
            "org.tl4j.backend.*",
            "org.tl4j.course.*",
            "org.tl4j.data.*",
            "org.tl4j.evaluate.*",
            "org.tl4j.network.*",
            "org.tl4j.transfer.*",
            "org.tl4j.train.*",
            "org.tl4j.viz.*",
            "org.tl4j.text.*",
            "org.tl4j.zoo.*",
            "org.nd4j.linalg.factory.Nd4j",
            "org.nd4j.linalg.api.ndarray.INDArray",
            "org.nd4j.linalg.api.buffer.DataType",
            "org.nd4j.linalg.ops.transforms.Transforms",
            "org.nd4j.linalg.activations.Activation",
            "org.nd4j.linalg.learning.config.*",
            "org.nd4j.linalg.learning.config.IUpdater",
            "org.nd4j.linalg.lossfunctions.LossFunctions",
            "org.deeplearning4j.gradientcheck.GradientCheckUtil",
            "org.deeplearning4j.nn.conf.NeuralNetConfiguration",
            "org.deeplearning4j.nn.conf.inputs.InputType",
            "org.deeplearning4j.nn.conf.layers.*",
            "org.deeplearning4j.nn.multilayer.MultiLayerNetwork",
            "org.deeplearning4j.nn.transferlearning.*",
            "org.deeplearning4j.nn.weights.WeightInit",
            "java.util.Arrays",
            "java.util.LinkedHashMap",
            "java.util.List",
            "java.util.Map",
            "java.util.function.LongFunction",
            "org.knowm.xchart.*",
            "tech.tablesaw.api.*");

    private CourseImports() {
    }

    public static String statements() {
        return PACKAGES.stream().map(p -> "import " + p + ";").collect(Collectors.joining("\n"));
    }
}
