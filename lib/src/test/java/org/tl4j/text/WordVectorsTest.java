package org.tl4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.tl4j.backend.Backend;

/** word2vec on a small synthetic corpus, the classifier built on it, and their errors. */
class WordVectorsTest {
    private static List<String> corpus;

    @BeforeAll
    static void setUp() {
        Backend.configure();
        // Two topics that never share a sentence: animal words and food words, with shared filler.
        String[] animals = {"dog", "cat", "horse", "cow", "sheep"};
        String[] foods = {"bread", "cheese", "soup", "rice", "butter"};
        Random r = new Random(3);
        corpus = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String[] topic = i % 2 == 0 ? animals : foods;
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                s.append(topic[r.nextInt(topic.length)]).append(k % 3 == 0 ? " the " : " ");
            }
            corpus.add(s.toString());
        }
    }

    private static Embeddings train(long seed) {
        return WordVectors.learnFrom(corpus).dimensions(16).window(3).minCount(1).epochs(2).seed(seed).train();
    }

    @Test
    void sameSeedSameVectorsAndTopicsSeparate() {
        Embeddings a = train(7);
        Embeddings b = train(7);
        assertEquals(a.matrix(), b.matrix());
        assertNotEquals(a.matrix(), train(8).matrix());
        assertTrue(a.similarity("dog", "cat") > a.similarity("dog", "bread"),
                a.similarity("dog", "cat") + " vs " + a.similarity("dog", "bread"));
        assertTrue(List.of("cat", "horse", "cow", "sheep").contains(a.nearest("dog", 1).get(0)), a.nearest("dog", 3).toString());
        assertFalse(a.nearest("dog", 5).contains("dog"));
    }

    @Test
    void unknownWordsAndBadSettingsSayWhatToDo() {
        Embeddings a = train(7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.vector("zebra"));
        assertTrue(e.getMessage().contains("contains(word)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WordVectors.learnFrom(List.of("one")));
        assertThrows(IllegalArgumentException.class, () -> WordVectors.learnFrom(corpus).dimensions(0));
        assertThrows(IllegalArgumentException.class, () -> TextClassifier.on(a).classes(1));
        assertThrows(IllegalStateException.class, () -> TextClassifier.on(a).build());
    }

    @Test
    void restrictedVocabularyKeepsTheVectors() {
        Embeddings a = train(7);
        Embeddings small = a.restrictedTo(List.of("soup", "dog", "zebra"));
        assertEquals(List.of("dog", "soup"), small.words());
        assertEquals(a.vector("soup"), small.vector("soup"));
    }

    @Test
    void masksMarkRealWordsAndUnknownWordsGetIndexZero() {
        Embeddings a = train(7);
        TextSet set = TextSet.of(List.of("animal", "food"), List.of(
                new TextSet.Example("dog zebra", Tokens.of("dog zebra"), 0),
                new TextSet.Example("soup", Tokens.of("soup"), 1)));
        DataSet ds = set.toDataSet(a, 3);
        assertEquals(a.indexOf("dog") + 1, ds.getFeatures().getInt(0, 0));
        assertEquals(0, ds.getFeatures().getInt(0, 1));
        assertEquals(List.of(1f, 1f, 0f), List.of(ds.getFeaturesMaskArray().getFloat(0, 0), ds.getFeaturesMaskArray().getFloat(0, 1), ds.getFeaturesMaskArray().getFloat(0, 2)));
        assertEquals(1f, ds.getLabels().getFloat(1, 1));
        DataSet batch = set.shuffledBatches(a, 3, 1, 5).next();
        assertTrue(batch.getFeaturesMaskArray() != null, "shuffled batches keep the mask");
        assertThrows(IllegalArgumentException.class, () -> TextSet.of(List.of("a", "b"),
                List.of(new TextSet.Example("x", List.of("x"), 2))));
    }

    @Test
    void frozenVectorsStayFineTunedMoveAndTheClassifierLearns() {
        Embeddings a = train(7);
        TextSet set = TextSet.of(List.of("animal", "food"), List.of(
                new TextSet.Example("dog cat", Tokens.of("dog cat"), 0), new TextSet.Example("horse", Tokens.of("horse"), 0),
                new TextSet.Example("bread soup", Tokens.of("bread soup"), 1), new TextSet.Example("rice", Tokens.of("rice"), 1)));
        for (TextClassifier.Start start : TextClassifier.Start.values()) {
            TextClassifier c = TextClassifier.on(a).classes(2).length(4).seed(1).start(start);
            MultiLayerNetwork net = c.build();
            INDArray before = net.getLayer(0).getParam("W").dup();
            if (start != TextClassifier.Start.SCRATCH) {
                assertEquals(a.vector("cow"), before.getRow(a.indexOf("cow") + 1));
            }
            DataSet ds = set.toDataSet(a, 4);
            for (int i = 0; i < 60; i++) {
                net.fit(ds);
            }
            boolean moved = !before.equals(net.getLayer(0).getParam("W"));
            assertEquals(start != TextClassifier.Start.FROZEN, moved, start + " moved: " + moved);
            assertEquals(1.0, net.evaluate(new org.deeplearning4j.datasets.iterator.ExistingDataSetIterator(List.of(ds))).accuracy(), 1e-9, start.name());
        }
    }
}
