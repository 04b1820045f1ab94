package org.tl4j.zoo;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.tl4j.backend.Backend;
import org.tl4j.data.DatasetCache;
import org.tl4j.data.ImageSet;
import org.tl4j.train.Trainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * `make models`: trains the zoo from its recipes and writes each model and its card.
 * Usage: {@code TrainZoo <output dir> [model names...]} (all models when none are named).
 */
public final class TrainZoo {
    private TrainZoo() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: TrainZoo <output dir> [model names...]");
            System.exit(2);
        }
        Backend.configure();
        Path out = Paths.get(args[0]);
        Files.createDirectories(out);
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : Zoo.names();
        for (String name : names) {
            ModelCard card = train(Zoo.recipe(name), out);
            System.out.printf(java.util.Locale.ROOT, "%s: test accuracy %.4f, %.0f s, %d KiB%n", name, card.testAccuracy(),
                    card.trainSeconds(), Files.size(out.resolve(name + ".zip")) / 1024);
        }
    }

    static ModelCard train(Recipe r, Path out) throws IOException {
        ImageSet train = r.train().get();
        ImageSet test = r.test().get();
        MultiLayerNetwork net = r.network().get();
        long start = System.nanoTime();
        Trainer.of(net).epochs(r.epochs()).live(false).fit(train.shuffledBatches(r.batchSize(), r.seed()), test.batches(500));
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = Trainer.accuracy(net, test.batches(500));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, false);
        byte[] model = bytes.toByteArray();
        ModelCard card = new ModelCard(r.name(), r.architecture(), r.sourceData(), train.classNames(), r.epochs(),
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
