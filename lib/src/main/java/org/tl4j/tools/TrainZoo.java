package org.tl4j.tools;

import org.tl4j.backend.Backend;
import org.tl4j.zoo.ModelCard;
import org.tl4j.zoo.Zoo;
import org.tl4j.zoo.ZooTraining;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** `make models`: {@code TrainZoo <output dir> [model names...]} (all models when none are named). */
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
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : Zoo.names();
        for (String name : names) {
            ModelCard card = ZooTraining.train(name, out);
            System.out.printf(java.util.Locale.ROOT, "%s: test accuracy %.4f, %.0f s, %d KiB%n", name, card.testAccuracy(),
                    card.trainSeconds(), Files.size(out.resolve(name + ".zip")) / 1024);
        }
    }
}
