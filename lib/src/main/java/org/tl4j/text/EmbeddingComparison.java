package org.tl4j.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.tl4j.train.History;
import org.tl4j.train.Repeats;
import org.tl4j.train.Trainer;
import org.tl4j.viz.ProgressBar;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Lesson 7's experiment: the same text classifier started three ways (random vectors, frozen
 * word2vec vectors, fine-tuned word2vec vectors), trained on more and more labelled texts,
 * each run repeated with several seeds and scored on the same test texts.
 */
public final class EmbeddingComparison {
    private final Embeddings embeddings;
    private final TextSet pool;
    private final TextSet test;
    private int[] perClass = {5, 20, 100};
    private int epochs = 30;
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
            throw new IllegalArgumentException("pool and test need the same classes: " + pool.classes() + " vs " + test.classes());
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
            throw new IllegalArgumentException("give at least one training-set size");
        }
        this.perClass = sizes.clone();
        return this;
    }

    public EmbeddingComparison epochs(int epochs) {
        this.epochs = epochs;
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

    /** Trains every (size, start, seed) with a progress bar; one row per (size, start). */
    public Table run(int seeds) {
        TextClassifier.Start[] starts = TextClassifier.Start.values();
        ProgressBar bar = ProgressBar.start("text classifiers", (long) perClass.length * starts.length * seeds);
        IntColumn size = IntColumn.create("labelled per class");
        StringColumn start = StringColumn.create("word vectors");
        DoubleColumn mean = DoubleColumn.create("test accuracy (mean)");
        DoubleColumn spread = DoubleColumn.create("spread (max - min)");
        IntColumn runs = IntColumn.create("seeds");
        for (int n : perClass) {
            for (TextClassifier.Start s : starts) {
                List<Double> acc = new ArrayList<>();
                for (int k = 0; k < seeds; k++) {
                    long seed = 100 + k;
                    acc.add(accuracyOf(s, pool.perClass(n, seed), seed));
                    bar.step(n + " per class, " + s.name().toLowerCase());
                }
                Repeats repeats = new Repeats(acc);
                size.append(n);
                start.append(s.label());
                mean.append(repeats.mean());
                spread.append(repeats.spread());
                runs.append(seeds);
            }
        }
        bar.finish("done");
        return Table.create(name, size, start, mean, spread, runs);
    }

    /** Final test accuracy of one classifier trained on the given texts. */
    public double accuracyOf(TextClassifier.Start s, TextSet train, long seed) {
        TextClassifier classifier = TextClassifier.on(embeddings).classes(train.numClasses()).length(length)
                .learningRate(learningRate).seed(seed).start(s);
        if (s == TextClassifier.Start.FINE_TUNED) {
            classifier.fineTunedEmbeddings(fineTuneRate);
        }
        History h = Trainer.of(classifier.build()).epochs(epochs).live(false).name(s.name())
                .fit(train.shuffledBatches(embeddings, length, batchSize, seed), test.batches(embeddings, length, 500));
        return h.lastAccuracy();
    }

    /** The mean accuracy of a start at a training-set size, NaN if it did not run. */
    public static double accuracy(Table results, int perClass, TextClassifier.Start start) {
        for (int r = 0; r < results.rowCount(); r++) {
            if (results.intColumn("labelled per class").getInt(r) == perClass
                    && results.stringColumn("word vectors").get(r).equals(start.label())) {
                return results.doubleColumn("test accuracy (mean)").getDouble(r);
            }
        }
        return Double.NaN;
    }

    /** A start's mean accuracy minus that of random vectors, at a training-set size. */
    public static double gainOverScratch(Table results, int perClass, TextClassifier.Start start) {
        return accuracy(results, perClass, start) - accuracy(results, perClass, TextClassifier.Start.SCRATCH);
    }

    /** The training-set sizes (texts per class), smallest first. */
    public int[] sizes() {
        return perClass.clone();
    }

    /** Accuracy against labelled texts per class (log scale), one line per start. */
    public static XYChart chart(Table results) {
        XYChart chart = new XYChartBuilder().width(720).height(420).title("What word2vec vectors are worth")
                .xAxisTitle("labelled texts per class (log scale)").yAxisTitle("test accuracy").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        for (int r = 0; r < results.rowCount(); r++) {
            lines.computeIfAbsent(results.stringColumn("word vectors").get(r), k -> new ArrayList<>())
                    .add(new double[]{results.intColumn("labelled per class").getInt(r),
                            results.doubleColumn("test accuracy (mean)").getDouble(r)});
        }
        lines.forEach((name, points) -> chart.addSeries(name,
                points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray()));
        return chart;
    }
}
