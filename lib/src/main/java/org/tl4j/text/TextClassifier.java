package org.tl4j.text;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.tl4j.course.Messages;

/**
 * The smallest text classifier: look up each word's vector, average the vectors of a text, then a
 * softmax layer. Its word vectors start from word2vec or at random, and are frozen or trained:
 * {@code TextClassifier.on(embeddings).classes(5).frozenEmbeddings().build()}.
 */
public final class TextClassifier {
    private static final Messages TEXT = Messages.of(TextClassifier.class);
    public static final String EMBEDDING = "embedding";
    public static final String POOL = "average";
    public static final String OUTPUT = "output";

    /** Where the word vectors start and whether they learn. */
    public enum Start {
        SCRATCH("from scratch (random vectors, trained)"),
        FROZEN("feature-based (word2vec vectors, frozen)"),
        FINE_TUNED("fine-tuned (word2vec vectors, trained)");

        private final String label;

        Start(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Embeddings embeddings;
    private int classes = -1;
    private int length = 24;
    private Start start = Start.FROZEN;
    private double learningRate = 1e-2;
    private double embeddingRate = 1e-3;
    private long seed = 1;

    private TextClassifier(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** A classifier over the vocabulary of these embeddings (unknown words share index 0). */
    public static TextClassifier on(Embeddings embeddings) {
        return new TextClassifier(embeddings);
    }

    public TextClassifier classes(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException(TEXT.get("TextClassifier.twoClasses", classes));
        }
        this.classes = classes;
        return this;
    }

    /** Texts are padded or cut to this many words. */
    public TextClassifier length(int length) {
        if (length < 1) {
            throw new IllegalArgumentException(TEXT.get("TextClassifier.lengthAtLeastOne", length));
        }
        this.length = length;
        return this;
    }

    public TextClassifier start(Start start) {
        this.start = start;
        return this;
    }

    /** word2vec vectors that do not change: the feature-based approach. */
    public TextClassifier frozenEmbeddings() {
        return start(Start.FROZEN);
    }

    /** word2vec vectors trained further with the given rate: the parameter-based approach. */
    public TextClassifier fineTunedEmbeddings(double rate) {
        this.embeddingRate = rate;
        return start(Start.FINE_TUNED);
    }

    /** Random vectors learned from the labelled texts alone. */
    public TextClassifier randomEmbeddings() {
        return start(Start.SCRATCH);
    }

    /** The rate of the softmax layer (and of random vectors from scratch). */
    public TextClassifier learningRate(double rate) {
        this.learningRate = rate;
        return this;
    }

    public TextClassifier seed(long seed) {
        this.seed = seed;
        return this;
    }

    public int length() {
        return length;
    }

    public MultiLayerNetwork build() {
        if (classes < 0) {
            throw new IllegalStateException(TEXT.get("TextClassifier.classesFirst"));
        }
        EmbeddingSequenceLayer lookup = new EmbeddingSequenceLayer.Builder().name(EMBEDDING).nIn(embeddings.size() + 1)
                .nOut(embeddings.dimensions()).inputLength(length).hasBias(false).weightInit(WeightInit.NORMAL)
                .updater(new Adam(start == Start.FINE_TUNED ? embeddingRate : learningRate)).build();
        // DL4J's NoOp updater would still apply the raw gradient: a frozen layer is a FrozenLayer.
        Layer first = start == Start.FROZEN ? new FrozenLayer.Builder().layer(lookup).name(EMBEDDING).build() : lookup;
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(DataType.FLOAT).updater(new Adam(learningRate))
                .list()
                .layer(first)
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).name(POOL).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name(OUTPUT)
                        .nIn(embeddings.dimensions()).nOut(classes).activation(Activation.SOFTMAX)
                        .weightInit(WeightInit.XAVIER).build())
                .build());
        net.init();
        if (start != Start.SCRATCH) {
            net.getLayer(0).setParam("W", vectorsWithUnknownRow());
        }
        return net;
    }

    /** Row 0 (unknown words and padding) is zero; row i + 1 is the vector of word i. */
    private INDArray vectorsWithUnknownRow() {
        INDArray w = Nd4j.zeros(DataType.FLOAT, embeddings.size() + 1, embeddings.dimensions());
        w.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, embeddings.size() + 1),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).assign(embeddings.matrix());
        return w;
    }
}
