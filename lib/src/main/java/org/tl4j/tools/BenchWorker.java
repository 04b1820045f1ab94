package org.tl4j.tools;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.tl4j.backend.Backend;
import org.tl4j.backend.HostFloats;
import org.tl4j.data.ImageSet;
import org.tl4j.data.Mnist;
import org.tl4j.text.Embeddings;
import org.tl4j.text.TextClassifier;
import org.tl4j.text.TextSet;
import org.tl4j.text.WordNet;
import org.tl4j.transfer.Transfer;
import org.tl4j.zoo.Architectures;
import org.tl4j.zoo.Zoo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * DL4J's side of `make bench`'s side-by-side rounds (tests/bench_side_by_side.py runs PyTorch's
 * side, tests/bench_pytorch.py, alternating with this one). Writes the cases' data for PyTorch to
 * read (real MNIST and WordNet definitions, one fixed shuffled order; arguments: folder, and at most
 * so many training examples per epoch), the starting weights of the networks PyTorch copies and
 * their outputs on the first test batch (for PyTorch to check it runs the same network), then
 * answers each line on standard input: "warmup CASE" trains a few batches; "CASE" trains one epoch
 * (images: batch 64, Adam 1e-3; texts: batch 32, Adam 1e-2) and classifies the test set (batch 256),
 * printing one line: case, training and inference examples/s, accuracy.
 */
public final class BenchWorker {
    static final int TRAIN_BATCH = 64;
    static final int INFER_BATCH = 256;
    static final int TEXT_BATCH = 32;
    static final int TEXT_LENGTH = 24;
    static final int TEXT_DIMENSIONS = 64;
    private static final long SEED = 1;

    /** One benchmark case: a network, its training epoch and its test set. */
    private static final class Case {
        final Supplier<MultiLayerNetwork> build;
        final DataSet train;
        final DataSet test;
        final int batch;
        final boolean sharesWeights; // PyTorch starts from this network's very weights
        MultiLayerNetwork net;
        List<DataSet> batches;
        List<DataSet> testBatches;

        Case(Supplier<MultiLayerNetwork> build, DataSet train, DataSet test, int batch, boolean sharesWeights) {
            this.build = build;
            this.train = train;
            this.test = test;
            this.batch = batch;
            this.sharesWeights = sharesWeights;
        }

        void prepare() {
            if (net == null) {
                net = build.get();
                batches = train.batchBy(batch);
                testBatches = test.batchBy(INFER_BATCH);
            }
        }

        INDArray output(DataSet b) {
            return net.output(b.getFeatures(), false, b.getFeaturesMaskArray(), null);
        }
    }

    private BenchWorker() {
    }

    /**
     * The cases: the course's LeNet and small VGG on digits 0-4; LeNet's frozen base with a new head on
     * 5-9; lesson 8's text classifier (word vectors from scratch, averaged, softmax) on WordNet
     * definitions of 5 categories, batch 32 as in the lesson.
     */
    static Map<String, Case> cases(int limit) {
        ImageSet train = Mnist.train();
        ImageSet test = Mnist.test();
        DataSet source = epoch(train.classes(0, 1, 2, 3, 4), limit).toDataSet(); // the LeNet and the VGG share it
        DataSet sourceTest = test.classes(0, 1, 2, 3, 4).toDataSet();
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("lenet", new Case(() -> Architectures.lenet(5, SEED), source, sourceTest, TRAIN_BATCH, true));
        cases.put("vgg", new Case(() -> Architectures.smallVgg(5, SEED), source, sourceTest, TRAIN_BATCH, false));
        cases.put("frozen", new Case(() -> Transfer.featureExtractor(Zoo.load("lenet-mnist-0to4"), 5),
                epoch(train.classes(5, 6, 7, 8, 9), limit).toDataSet(), test.classes(5, 6, 7, 8, 9).toDataSet(),
                TRAIN_BATCH, true));
        cases.put("text", textCase(limit));
        return cases;
    }

    /** The whole set in one seeded shuffled order, cut to at most {@code limit} images. */
    private static ImageSet epoch(ImageSet set, int limit) {
        return set.sample(set.size(), SEED).first(Math.min(limit, set.size()));
    }

    private static Case textCase(int limit) {
        TextSet all = TextSet.definitions(WordNet.load(), "noun.animal", "noun.plant", "noun.food", "noun.artifact",
                "noun.person").perClass(2400, SEED);
        TextSet test = all.perClass(400, SEED + 1);
        TextSet train = all.without(test).perClass(Math.max(1, Math.min(2000, limit / 5)), SEED);
        Map<String, Integer> texts = new java.util.TreeMap<>(); // in how many texts each word is
        all.examples().forEach(e -> new java.util.HashSet<>(e.tokens()).forEach(w -> texts.merge(w, 1, Integer::sum)));
        // words of 3 texts or more, about as many as lesson 8's word2vec knows; the others share "unknown"
        List<String> words = texts.keySet().stream().filter(w -> texts.get(w) >= 3).toList();
        Embeddings vocabulary = Embeddings.of(words, Nd4j.zeros(DataType.FLOAT, words.size(), TEXT_DIMENSIONS));
        return new Case(() -> TextClassifier.on(vocabulary).classes(5).length(TEXT_LENGTH).randomEmbeddings().seed(SEED)
                .build(), shuffled(train.toDataSet(vocabulary, TEXT_LENGTH)), test.toDataSet(vocabulary, TEXT_LENGTH),
                TEXT_BATCH, true);
    }

    /** The texts in one seeded shuffled order (TextSet keeps them by class). */
    private static DataSet shuffled(DataSet d) {
        int[] order = ImageSet.shuffled(d.numExamples(), SEED);
        return new DataSet(HostFloats.rows(d.getFeatures(), order), HostFloats.rows(d.getLabels(), order),
                HostFloats.rows(d.getFeaturesMaskArray(), order), null);
    }

    public static void main(String[] args) throws IOException {
        Backend.configure();
        Path dir = Path.of(args.length > 0 ? args[0] : "build/bench/data");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        Map<String, Case> cases = cases(limit);
        Map<DataSet, Path> written = new java.util.IdentityHashMap<>();
        for (Map.Entry<String, Case> c : cases.entrySet()) {
            write(dir.resolve(c.getKey() + "-train"), c.getValue().train, written);
            write(dir.resolve(c.getKey() + "-test"), c.getValue().test, written);
            if (c.getValue().sharesWeights) {
                c.getValue().prepare();
                writeParameters(dir.resolve(c.getKey() + "-params.f32"), c.getValue().net);
                DataSet first = c.getValue().testBatches.get(0);
                writeFloats(dir.resolve(c.getKey() + "-outputs.f32"), c.getValue().output(first).data().asFloat());
            }
        }
        System.out.println("ready " + Backend.summary() + ", threads " + Nd4j.getEnvironment().maxThreads());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split("\\s+");
            boolean warmup = words[0].equals("warmup");
            String name = words[words.length - 1];
            Case c = cases.get(name);
            if (c == null) {
                System.out.println("error: no case '" + name + "'; cases " + cases.keySet());
                continue;
            }
            c.prepare();
            if (warmup) {
                for (int i = 0; i < Math.min(10, c.batches.size()); i++) {
                    c.net.fit(c.batches.get(i));
                }
                c.output(c.testBatches.get(0));
                System.out.println("warm");
            } else {
                System.out.println(round(name, c));
            }
        }
    }

    private static String round(String name, Case c) {
        long t = System.nanoTime();
        for (DataSet b : c.batches) {
            c.net.fit(b);
        }
        double train = c.train.numExamples() / seconds(t);
        long correct = 0;
        long ti = System.nanoTime();
        for (DataSet b : c.testBatches) {
            INDArray predicted = c.output(b).argMax(1);
            correct += predicted.eq(b.getLabels().argMax(1)).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
        }
        double infer = c.test.numExamples() / seconds(ti);
        return String.format(Locale.ROOT, "%s %.1f %.1f %.4f", name, train, infer, (double) correct / c.test.numExamples());
    }

    /** Every weight and bias in PyTorch's order and layout (a dense layer's weights transposed, a lookup table's not). */
    private static void writeParameters(Path file, MultiLayerNetwork net) throws IOException {
        List<float[]> parts = new java.util.ArrayList<>();
        int n = 0;
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            if (layer.numParams() == 0) {
                continue;
            }
            INDArray w = layer.getParam("W");
            org.deeplearning4j.nn.conf.layers.Layer c = layer.conf().getLayer();
            if (c instanceof org.deeplearning4j.nn.conf.layers.misc.FrozenLayer f) {
                c = f.getLayer();
            }
            boolean table = c instanceof org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
            INDArray torchW = w.rank() == 2 && !table ? w.transpose() : w;
            parts.add(torchW.dup('c').data().asFloat());
            n += (int) w.length();
            INDArray b = layer.paramTable().get("b");
            if (b != null) {
                parts.add(b.dup('c').data().asFloat());
                n += (int) b.length();
            }
        }
        float[] all = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        writeFloats(file, all);
    }

    private static void writeFloats(Path file, float[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        Files.write(file, b.array());
    }

    /**
     * NAME.f32: features (images [n, 784] in 0..1, or texts [n, words] of word indices) as little-endian
     * floats; NAME.u8: labels; NAME.mask.f32 for texts: 1 for a word, 0 for padding. Linked if written before.
     */
    private static void write(Path name, DataSet set, Map<DataSet, Path> written) {
        try {
            Files.createDirectories(name.getParent());
            Path before = written.putIfAbsent(set, name);
            for (String ext : new String[]{".f32", ".u8", ".mask.f32"}) {
                Files.deleteIfExists(Path.of(name + ext));
                if (before != null && Files.exists(Path.of(before + ext))) {
                    Files.createLink(Path.of(name + ext), Path.of(before + ext));
                }
            }
            if (before != null) {
                return;
            }
            writeFloats(Path.of(name + ".f32"), set.getFeatures().data().asFloat());
            if (set.getFeaturesMaskArray() != null) {
                writeFloats(Path.of(name + ".mask.f32"), set.getFeaturesMaskArray().data().asFloat());
            }
            int[] classes = set.getLabels().argMax(1).toIntVector();
            byte[] labels = new byte[classes.length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (byte) classes[i];
            }
            Files.write(Path.of(name + ".u8"), labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
