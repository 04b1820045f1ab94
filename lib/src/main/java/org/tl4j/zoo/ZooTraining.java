package org.tl4j.zoo;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.tl4j.data.DatasetCache;
import org.tl4j.data.ImageSet;
import org.tl4j.train.History;
import org.tl4j.train.Trainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How the zoo is made (`make models`, through {@code org.tl4j.tools.TrainZoo}): trains a model from its
 * recipe and writes the model and its card.
 */
public final class ZooTraining {
    private ZooTraining() {
    }

    /** Trains the named zoo model from its recipe and writes {@code <name>.zip} and its card into {@code out}. */
    public static ModelCard train(String name, Path out) throws IOException {
        Files.createDirectories(out);
        return train(Zoo.recipe(name), out);
    }

    static ModelCard train(Recipe r, Path out) throws IOException {
        ImageSet.Split parts = r.train().get().split(1 - Recipe.VALIDATION_FRACTION, r.seed());
        ImageSet train = parts.first();
        ImageSet test = r.test().get();
        MultiLayerNetwork net = r.network().get();
        long start = System.nanoTime();
        History h = Trainer.of(net).epochs(r.maxEpochs()).earlyStopping(r.patience()).live(false).name(r.name())
                .fit(train.shuffledBatches(r.batchSize(), r.seed()), parts.second().batches(500));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "%s: validation accuracy per epoch %s, kept epoch %d%n", r.name(),
                java.util.Arrays.toString(h.accuracies()), h.bestEpoch());
        double accuracy = Trainer.accuracy(net, test.batches(500));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, false);
        byte[] model = bytes.toByteArray();
        ModelCard card = new ModelCard(r.name(), r.architecture(), r.sourceData(), train.classNames(), h.bestEpoch(),
                r.batchSize(), "Adam(1e-3)", r.seed(), train.size(), accuracy, seconds, DatasetCache.sha256(model));
        write(out.resolve(r.name() + ".zip"), model);
        write(out.resolve(r.name() + ".properties"), card.write().getBytes(StandardCharsets.ISO_8859_1));
        return card;
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".partial");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
