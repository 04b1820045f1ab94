package org.tl4j.text;

import java.util.List;

/**
 * One WordNet synset: a set of synonyms with its part of speech, its lexicographer category
 * (for example noun.animal or noun.food), its definition and its example sentences.
 */
public record Synset(String id, String pos, String category, List<String> words, String definition,
                     List<String> examples) {

    /** The definition followed by the example sentences, as one text. */
    public String text() {
        return examples.isEmpty() ? definition : definition + "; " + String.join("; ", examples);
    }
}
