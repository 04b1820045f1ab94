package org.tl4j.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.knowm.xchart.XYChart;
import org.tl4j.course.Messages;
import org.tl4j.evaluate.Arms;
import org.tl4j.evaluate.Comparison;
import org.tl4j.evaluate.Estimate;
import org.tl4j.evaluate.Experiment;
import org.tl4j.train.History;
import org.tl4j.train.Run;
import org.tl4j.train.Trainer;
import org.tl4j.viz.ErrorLines;
import org.tl4j.viz.ProgressBar;
import org.tl4j.viz.TabledResult;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Lesson 8's experiment: the same text classifier started three ways (random vectors, frozen
 * word2vec vectors, fine-tuned word2vec vectors), trained on more and more labelled texts, over
 * several seeds. For each size and seed, the training texts and the validation texts (which choose the
 * epoch) are drawn from the pool, disjoint, the same for the three starts; every run is measured once
 * on the same test texts.
 */
public final class EmbeddingComparison {
    private static final Messages TEXT = Messages.of(EmbeddingComparison.class);
    private final Embeddings embeddings;
    private final TextSet pool;
    private final TextSet test;
    private int[] perClass = {5, 20, 100};
    private int epochs = 30;
    private int validationPerClass = 50;
    private int batchSize = 32;
    private int length = 24;
    private double learningRate = 1e-2;
    private double fineTuneRate = 1e-3;
    private String name = "Word vectors: scratch vs feature-based vs fine-tuned";

    private EmbeddingComparison(Embeddings embeddings, TextSet pool, TextSet test) {
        this.embeddings = embeddings.restrictedTo(union(pool, test));
        this.pool = pool;
        this.test = test;
    }

    /** Training texts are drawn from pool for each seed; every run is scored on test. */
    public static EmbeddingComparison of(Embeddings embeddings, TextSet pool, TextSet test) {
        if (!pool.classes().equals(test.classes())) {
            throw new IllegalArgumentException(TEXT.get("EmbeddingComparison.classesDiffer",
                    pool.classes(), test.classes()));
        }
        return new EmbeddingComparison(embeddings, pool, test);
    }

    private static List<String> union(TextSet a, TextSet b) {
        List<String> words = new ArrayList<>(a.tokens());
        words.addAll(b.tokens());
        return words;
    }

    /** The title of the results table. */
    public EmbeddingComparison named(String name) {
        this.name = name;
        return this;
    }

    /** Labelled texts per class in each training set, smallest first. */
    public EmbeddingComparison perClass(int... sizes) {
        if (sizes.length == 0) {
            throw new IllegalArgumentException(TEXT.get("EmbeddingComparison.noSizes"));
        }
        this.perClass = sizes.clone();
        return this;
    }

    public EmbeddingComparison epochs(int epochs) {
        this.epochs = epochs;
        return this;
    }

    /** Validation texts per class, drawn from the pool apart from the training texts. */
    public EmbeddingComparison validation(int perClass) {
        if (perClass < 1) {
            throw new IllegalArgumentException(TEXT.get("EmbeddingComparison.validationPerClass", perClass));
        }
        this.validationPerClass = perClass;
        return this;
    }

    /** Words per text (longer texts are cut): 1 for single words. */
    public EmbeddingComparison length(int length) {
        this.length = length;
        return this;
    }

    public EmbeddingComparison rates(double learningRate, double fineTuneRate) {
        this.learningRate = learningRate;
        this.fineTuneRate = fineTuneRate;
        return this;
    }

    /** The vocabulary the classifiers use: the task's words that word2vec knows. */
    public Embeddings vocabulary() {
        return embeddings;
    }

    /** Trains every (size, start, seed), seeds 100, 101, ..., with a progress bar. */
    public Result run(int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException(TEXT.get("EmbeddingComparison.seedsAtLeastOne", seeds));
        }
        TextClassifier.Start[] starts = TextClassifier.Start.values();
        ProgressBar bar = ProgressBar.start("text classifiers", (long) perClass.length * starts.length * seeds);
        Map<Integer, Arms> bySize = new LinkedHashMap<>();
        for (int n : perClass) {
            Arms arms = new Arms(n + " labelled texts per class");
            for (int k = 0; k < seeds; k++) {
                long seed = Experiment.FIRST_SEED + k;
                TextSet train = pool.perClass(n, seed);
                TextSet validation = validationFrom(pool.without(train), seed);
                for (TextClassifier.Start s : starts) {
                    arms.add(s.label(), run(s, train, validation, seed));
                    bar.step(n + " per class, " + s.name().toLowerCase());
                }
            }
            bySize.put(n, arms);
        }
        bar.finish("done");
        return new Result(name, bySize);
    }

    private TextSet validationFrom(TextSet rest, long seed) {
        rest.countsPerClass().forEach((c, count) -> {
            if (count < validationPerClass) {
                throw new IllegalArgumentException(TEXT.get("EmbeddingComparison.poolTooSmall",
                        count, c, validationPerClass));
            }
        });
        return rest.perClass(validationPerClass, seed + 1);
    }

    /** One classifier: trained on the texts, the epoch chosen on validation, measured once on the test texts. */
    public Run run(TextClassifier.Start s, TextSet train, TextSet validation, long seed) {
        TextClassifier classifier = TextClassifier.on(embeddings).classes(train.numClasses()).length(length)
                .learningRate(learningRate).seed(seed).start(s);
        if (s == TextClassifier.Start.FINE_TUNED) {
            classifier.fineTunedEmbeddings(fineTuneRate);
        }
        MultiLayerNetwork net = classifier.build();
        long begin = System.nanoTime();
        History h = Trainer.of(net).epochs(epochs).live(false).name(s.name()).restoreBestEpoch()
                .fit(train.shuffledBatches(embeddings, length, batchSize, seed), validation.batches(embeddings, length, 500));
        double accuracy = Trainer.accuracy(net, test.batches(embeddings, length, 500));
        return new Run(s.label(), seed, h.bestEpoch(), h.epochs(), h.bestAccuracy(), accuracy, (System.nanoTime() - begin) / 1e9);
    }

    /** The training-set sizes (texts per class), smallest first. */
    public int[] sizes() {
        return perClass.clone();
    }

    /** What the comparison measured: per training-set size, the three starts' runs over the seeds. */
    public static final class Result extends TabledResult {
        private final String name;
        private final Map<Integer, Arms> bySize;

        Result(String name, Map<Integer, Arms> bySize) {
            this.name = name;
            this.bySize = bySize;
        }

        public List<Integer> sizes() {
            return new ArrayList<>(bySize.keySet());
        }

        /** The runs at one size, by start. */
        public Arms at(int perClass) {
            Arms a = bySize.get(perClass);
            if (a == null) {
                throw new IllegalArgumentException(TEXT.get("EmbeddingComparison.noRunsForSize", perClass, sizes()));
            }
            return a;
        }

        public Estimate accuracy(int perClass, TextClassifier.Start start) {
            return at(perClass).accuracy(start.label());
        }

        /** A start minus random vectors at one size, paired by seed (same texts, same seed). */
        public Comparison gainOverScratch(int perClass, TextClassifier.Start start) {
            return at(perClass).compare(start.label(), TextClassifier.Start.SCRATCH.label());
        }

        /** One start against another at one size, paired by seed. */
        public Comparison compare(int perClass, TextClassifier.Start a, TextClassifier.Start b) {
            return at(perClass).compare(a.label(), b.label());
        }

        /** A start's gain over random vectors at every size, in words. */
        public String gainsOverScratch(TextClassifier.Start start) {
            StringBuilder s = new StringBuilder(start.label() + " minus random vectors:");
            for (int n : sizes()) {
                s.append("\n  ").append(n).append(" texts per class: ").append(gainOverScratch(n, start).points());
            }
            return s.toString();
        }

        /** Test accuracy (%) against labelled texts per class (log scale), one line per start, 95% intervals. */
        public XYChart chart() {
            Map<String, double[][]> lines = new LinkedHashMap<>();
            for (TextClassifier.Start s : TextClassifier.Start.values()) {
                double[][] rows = new double[bySize.size()][];
                int i = 0;
                for (int n : sizes()) {
                    Estimate e = accuracy(n, s).times(100);
                    rows[i++] = new double[]{n, e.mean(), e.halfWidth()};
                }
                lines.put(s.label(), rows);
            }
            XYChart chart = ErrorLines.of(name + " (mean of " + seeds() + " seeds, 95% intervals)",
                    "labelled texts per class (log scale)", "test accuracy (%)", lines);
            chart.getStyler().setXAxisLogarithmic(true);
            return chart;
        }

        private int seeds() {
            return bySize.values().iterator().next().seeds();
        }

        /** One row per size and start: test accuracy with its interval, and the gain over random vectors. */
        public Table table() {
            IntColumn size = IntColumn.create("labelled per class");
            StringColumn start = StringColumn.create("word vectors");
            StringColumn accuracy = StringColumn.create("test accuracy % (95% CI)");
            StringColumn gain = StringColumn.create("minus random vectors (points)");
            IntColumn seeds = IntColumn.create("seeds");
            for (int n : sizes()) {
                for (TextClassifier.Start s : TextClassifier.Start.values()) {
                    size.append(n);
                    start.append(s.label());
                    Estimate e = accuracy(n, s).times(100);
                    accuracy.append(e.brief("%.1f"));
                    gain.append(s == TextClassifier.Start.SCRATCH ? "" : gainOverScratch(n, s).difference().times(100).brief("%+.1f"));
                    seeds.append(e.n());
                }
            }
            return Table.create(name, size, start, accuracy, gain, seeds);
        }

        /** The numbers as data: per size, the starts' runs and summaries, and the gains over random vectors. */
        public Map<String, Object> data() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kind", "embedding-comparison");
            out.put("name", name);
            Map<String, Object> sizes = new LinkedHashMap<>();
            for (int n : sizes()) {
                Map<String, Object> at = new LinkedHashMap<>();
                at.put("starts", at(n).data().get("arms"));
                Map<String, Object> gains = new LinkedHashMap<>();
                for (TextClassifier.Start s : List.of(TextClassifier.Start.FROZEN, TextClassifier.Start.FINE_TUNED)) {
                    gains.put(s.name(), Arms.comparison(gainOverScratch(n, s)));
                }
                at.put("gainsOverScratch", gains);
                at.put("fineTunedMinusFrozen", Arms.comparison(compare(n, TextClassifier.Start.FINE_TUNED, TextClassifier.Start.FROZEN)));
                sizes.put(String.valueOf(n), at);
            }
            out.put("sizes", sizes);
            return out;
        }
    }
}
