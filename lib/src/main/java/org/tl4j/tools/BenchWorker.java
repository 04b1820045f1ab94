package org.tl4j.tools;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.tl4j.backend.Backend;
import org.tl4j.data.ImageSet;
import org.tl4j.data.Mnist;
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
 * read (real MNIST, one fixed shuffled order; arguments: folder, and at most so many training
 * images per epoch), the LeNets' starting weights and their outputs on the first test batch (for
 * PyTorch to check it runs the same network), then answers each line on standard input:
 * "warmup CASE" trains a few batches; "CASE" trains one epoch (batch 64, Adam 1e-3) and classifies
 * the test set (batch 256), printing one line: case, training and inference examples/s, accuracy.
 */
public final class BenchWorker {
    static final int TRAIN_BATCH = 64;
    static final int INFER_BATCH = 256;
    private static final long SEED = 1;

    /** One benchmark case: a network, its training epoch and its test set. */
    private static final class Case {
        final Supplier<MultiLayerNetwork> build;
        final ImageSet train;
        final ImageSet test;
        final boolean sharesWeights; // PyTorch starts from this network's very weights
        MultiLayerNetwork net;
        List<DataSet> batches;
        List<DataSet> testBatches;

        Case(Supplier<MultiLayerNetwork> build, ImageSet train, ImageSet test, boolean sharesWeights) {
            this.build = build;
            this.train = train;
            this.test = test;
            this.sharesWeights = sharesWeights;
        }

        void prepare() {
            if (net == null) {
                net = build.get();
                batches = train.toDataSet().batchBy(TRAIN_BATCH);
                testBatches = test.toDataSet().batchBy(INFER_BATCH);
            }
        }
    }

    private BenchWorker() {
    }

    /** The cases: the course's LeNet and small VGG on digits 0-4; LeNet's frozen base with a new head on 5-9. */
    static Map<String, Case> cases(int limit) {
        ImageSet train = Mnist.train();
        ImageSet test = Mnist.test();
        ImageSet source = epoch(train.classes(0, 1, 2, 3, 4), limit); // the LeNet and the VGG share it
        ImageSet sourceTest = test.classes(0, 1, 2, 3, 4);
        ImageSet target = epoch(train.classes(5, 6, 7, 8, 9), limit);
        ImageSet targetTest = test.classes(5, 6, 7, 8, 9);
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("lenet", new Case(() -> Architectures.lenet(5, SEED), source, sourceTest, true));
        cases.put("vgg", new Case(() -> Architectures.smallVgg(5, SEED), source, sourceTest, false));
        cases.put("frozen", new Case(() -> Transfer.featureExtractor(Zoo.load("lenet-mnist-0to4"), 5), target, targetTest,
                true));
        return cases;
    }

    /** The whole set in one seeded shuffled order, cut to at most {@code limit} images. */
    private static ImageSet epoch(ImageSet set, int limit) {
        return set.sample(set.size(), SEED).first(Math.min(limit, set.size()));
    }

    public static void main(String[] args) throws IOException {
        Backend.configure();
        Path dir = Path.of(args.length > 0 ? args[0] : "build/bench/data");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        Map<String, Case> cases = cases(limit);
        Map<ImageSet, Path> written = new java.util.IdentityHashMap<>();
        for (Map.Entry<String, Case> c : cases.entrySet()) {
            write(dir.resolve(c.getKey() + "-train"), c.getValue().train, written);
            write(dir.resolve(c.getKey() + "-test"), c.getValue().test, written);
            if (c.getValue().sharesWeights) {
                c.getValue().prepare();
                writeParameters(dir.resolve(c.getKey() + "-params.f32"), c.getValue().net);
                INDArray first = c.getValue().testBatches.get(0).getFeatures();
                writeFloats(dir.resolve(c.getKey() + "-outputs.f32"), c.getValue().net.output(first).data().asFloat());
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
                c.net.output(c.testBatches.get(0).getFeatures());
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
        double train = c.train.size() / seconds(t);
        long correct = 0;
        long ti = System.nanoTime();
        for (DataSet b : c.testBatches) {
            INDArray predicted = c.net.output(b.getFeatures()).argMax(1);
            correct += predicted.eq(b.getLabels().argMax(1)).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
        }
        double infer = c.test.size() / seconds(ti);
        return String.format(Locale.ROOT, "%s %.1f %.1f %.4f", name, train, infer, (double) correct / c.test.size());
    }

    /** Every weight and bias in PyTorch's order and layout (a dense layer's weights transposed). */
    private static void writeParameters(Path file, MultiLayerNetwork net) throws IOException {
        List<float[]> parts = new java.util.ArrayList<>();
        int n = 0;
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            INDArray w = layer.getParam("W");
            if (w == null) {
                continue;
            }
            INDArray torchW = w.rank() == 2 ? w.transpose() : w;
            parts.add(torchW.dup('c').data().asFloat());
            parts.add(layer.getParam("b").dup('c').data().asFloat());
            n += (int) (w.length() + layer.getParam("b").length());
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

    /** NAME.f32: images [n, 784] as little-endian floats in 0..1; NAME.u8: labels (linked if written before). */
    private static void write(Path name, ImageSet set, Map<ImageSet, Path> written) {
        try {
            Files.createDirectories(name.getParent());
            Path before = written.putIfAbsent(set, name);
            for (String ext : new String[]{".f32", ".u8"}) {
                Files.deleteIfExists(Path.of(name + ext));
                if (before != null) {
                    Files.createLink(Path.of(name + ext), Path.of(before + ext));
                }
            }
            if (before != null) {
                return;
            }
            DataSet d = set.toDataSet();
            writeFloats(Path.of(name + ".f32"), d.getFeatures().data().asFloat());
            byte[] labels = new byte[set.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (byte) set.label(i);
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
