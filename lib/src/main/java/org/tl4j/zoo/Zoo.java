package org.tl4j.zoo;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.ZooModel;
import org.tl4j.course.Messages;
import org.tl4j.data.DatasetCache;
import org.tl4j.data.FashionMnist;
import org.tl4j.data.Mnist;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The course's source models, pre-trained by the project (the develop-model approach made
 * reusable). Each has a recipe here, a DL4J model file and a card (data, classes, epochs, seed,
 * accuracy, SHA-256) in the library's resources; `make models` retrains them.
 */
public final class Zoo {
    private static final Messages TEXT = Messages.of(Zoo.class);
    static final String RESOURCES = "/org/tl4j/zoo/models/";
    private static final Map<String, Recipe> RECIPES = new LinkedHashMap<>();

    static {
        add(new Recipe("lenet-mnist-0to4", "LeNet", "MNIST training digits 0-4",
                () -> Architectures.lenet(5, 42), () -> Mnist.train().classes(0, 1, 2, 3, 4),
                () -> Mnist.test().classes(0, 1, 2, 3, 4), 10, 2, 64, 42));
        add(new Recipe("vgg-mnist-0to4", "small VGG with batch normalisation", "MNIST training digits 0-4",
                () -> Architectures.smallVgg(5, 42), () -> Mnist.train().classes(0, 1, 2, 3, 4),
                () -> Mnist.test().classes(0, 1, 2, 3, 4), 6, 2, 64, 42));
        add(new Recipe("lenet-fashion-0to4", "LeNet", "Fashion-MNIST training classes 0-4 (T-shirt/top .. Coat)",
                () -> Architectures.lenet(5, 42), () -> FashionMnist.train().classes(0, 1, 2, 3, 4),
                () -> FashionMnist.test().classes(0, 1, 2, 3, 4), 10, 2, 64, 42));
    }

    private Zoo() {
    }

    private static void add(Recipe r) {
        RECIPES.put(r.name(), r);
    }

    /** The names of the course's source models. */
    public static List<String> names() {
        return new ArrayList<>(RECIPES.keySet());
    }

    static Recipe recipe(String name) {
        Recipe r = RECIPES.get(name);
        if (r == null) {
            throw new IllegalArgumentException(TEXT.get("Zoo.noSuchModel", name, String.join(", ", names())));
        }
        return r;
    }

    /** A source model, loaded fresh (changing it changes no other copy), its file checked against its card. */
    public static SourceModel load(String name) {
        recipe(name);
        ModelCard card = card(name);
        byte[] bytes = resource(name + ".zip");
        String sha = DatasetCache.sha256(bytes);
        if (!sha.equalsIgnoreCase(card.sha256())) {
            throw new IllegalStateException(TEXT.get("Zoo.checksumDiffers", name, sha));
        }
        try {
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false);
            return new SourceModel(card, org.tl4j.backend.FastPath.install(net));
        } catch (IOException e) {
            throw new UncheckedIOException(TEXT.get("Zoo.cannotRead", name, e.getMessage()), e);
        }
    }

    public static ModelCard card(String name) {
        recipe(name);
        return ModelCard.read(new ByteArrayInputStream(resource(name + ".properties")));
    }

    /** Every model of the zoo with what its card says. */
    public static Table catalogue() {
        StringColumn name = StringColumn.create("model");
        StringColumn arch = StringColumn.create("architecture");
        StringColumn data = StringColumn.create("source data");
        IntColumn examples = IntColumn.create("training images");
        IntColumn epochs = IntColumn.create("epoch kept (by validation)");
        DoubleColumn acc = DoubleColumn.create("test accuracy");
        for (String n : names()) {
            ModelCard c = card(n);
            name.append(n);
            arch.append(c.architecture());
            data.append(c.sourceData());
            examples.append(c.trainExamples());
            epochs.append(c.epochs());
            acc.append(c.testAccuracy());
        }
        return Table.create("The course's model zoo", name, arch, data, examples, epochs, acc);
    }

    /**
     * A model from DL4J's own zoo with ImageNet weights (e.g. {@code new VGG16.builder().build()}),
     * downloaded on first use from DL4J's server: this needs the internet and hundreds of MB.
     */
    public static Model dl4jPretrained(ZooModel model, PretrainedType type) {
        if (!model.pretrainedAvailable(type)) {
            throw new IllegalArgumentException(TEXT.get("Zoo.noPretrainedWeights",
                    model.getClass().getSimpleName(), type));
        }
        try {
            return model.initPretrained(type);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(TEXT.get("Zoo.fetchFailed", model.getClass().getSimpleName(), type, e), e);
        }
    }

    static byte[] resource(String file) {
        try (InputStream in = Zoo.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException(TEXT.get("Zoo.fileNotInLibrary", file));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
