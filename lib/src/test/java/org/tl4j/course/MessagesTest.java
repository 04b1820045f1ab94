package org.tl4j.course;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tl4j.grading.Check;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both editions' texts kept in step: the same keys and placeholders in English and pt-BR, every key used exists. */
class MessagesTest {
    private static final Path RESOURCES = Path.of("src/main/resources/org/tl4j");
    private static final Path SOURCES = Path.of("src/main/java/org/tl4j");
    private static final Pattern SPECIFIER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]");

    @AfterEach
    void english() {
        System.setProperty("tl4j.lang", "en");
    }

    @Test
    void everyBundleHasItsPortugueseTwinWithTheSameKeysAndPlaceholders() throws IOException {
        List<Path> bundles = files("messages.properties");
        assertTrue(bundles.size() >= 2, bundles.toString());
        for (Path english : bundles) {
            Path portuguese = english.resolveSibling("messages_pt_BR.properties");
            assertTrue(Files.isRegularFile(portuguese), "no pt-BR twin of " + english);
            assertEquals("", differences(load(english), load(portuguese), true), english.toString());
        }
    }

    @Test
    void everySelfCheckHasItsPortugueseTwinWithTheSameKeysAndAnswers() throws IOException {
        List<Path> lessons = files(".properties").stream().filter(p -> p.getParent().endsWith("selfcheck")
                && !p.getFileName().toString().contains("_pt_BR")).toList();
        assertTrue(lessons.size() >= 9, lessons.toString());
        for (Path english : lessons) {
            Path portuguese = english.resolveSibling(english.getFileName().toString().replace(".properties", "_pt_BR.properties"));
            assertTrue(Files.isRegularFile(portuguese), "no pt-BR twin of " + english);
            Map<String, String> en = load(english), pt = load(portuguese);
            assertEquals("", differences(en, pt, false), english.toString());
            en.forEach((key, value) -> {
                if (key.endsWith(".answer")) {
                    assertEquals(value, pt.get(key), english + ": " + key);
                } else if (value.matches(".*[A-Za-z]{3,}.*")) {  // words, not a number or a symbol
                    assertNotEquals(value, pt.get(key), english + ": " + key + " is not translated");
                }
            });
        }
    }

    @Test
    void everyKeyTheCodeAsksForExistsAndEveryKeyIsUsed() throws IOException {
        Map<Path, TreeSet<String>> used = new LinkedHashMap<>();
        try (Stream<Path> java = Files.walk(SOURCES)) {
            for (Path file : java.filter(p -> p.toString().endsWith(".java")).toList()) {
                // a key is a string literal "<Class of the package>.<name>", wherever it is passed to TEXT.get
                String classes;
                try (Stream<Path> siblings = Files.list(file.getParent())) {
                    classes = String.join("|", siblings.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".java")).map(n -> n.substring(0, n.length() - 5)).toList());
                }
                Matcher m = Pattern.compile("\"((?:" + classes + ")\\.[A-Za-z0-9]+)\"").matcher(Files.readString(file));
                while (m.find()) {
                    used.computeIfAbsent(RESOURCES.resolve(SOURCES.relativize(file.getParent())), k -> new TreeSet<>())
                            .add(m.group(1));
                }
            }
        }
        assertFalse(used.isEmpty());
        for (Path english : files("messages.properties")) {
            Map<String, String> keys = load(english);
            TreeSet<String> asked = used.getOrDefault(english.getParent(), new TreeSet<>());
            TreeSet<String> missing = new TreeSet<>(asked);
            missing.removeAll(keys.keySet());
            assertEquals(new TreeSet<>(), missing, english + ": keys the code asks for");
            TreeSet<String> unused = new TreeSet<>(keys.keySet());
            unused.removeAll(asked);
            assertEquals(new TreeSet<>(), unused, english + ": keys no code asks for");
        }
    }

    @Test
    void theLanguageChoosesTheTextsAndANumberStaysWrittenAsInCode() {
        System.setProperty("tl4j.lang", "pt-BR");
        assertTrue(Messages.portuguese());
        AssertionError pt = assertThrows(AssertionError.class, () -> Check.close("a taxa", 0.25, 0.5, 1e-3));
        assertEquals("a taxa deveria ser 0.5 (com tolerância de 0.001), mas é 0.25.", pt.getMessage());
        assertTrue(SelfCheck.answer("backprop", 1, "zz").startsWith("Responda com uma letra"));
        System.setProperty("tl4j.lang", "en");
        AssertionError en = assertThrows(AssertionError.class, () -> Check.close("the rate", 0.25, 0.5, 1e-3));
        assertEquals("the rate should be 0.5 (within 0.001), but it is 0.25.", en.getMessage());
        IllegalStateException absent = assertThrows(IllegalStateException.class, () -> Messages.of(Check.class).get("Check.none"));
        assertTrue(absent.getMessage().contains("Check.none"), absent.getMessage());
    }

    /** What differs between two bundles: keys missing on either side, or (for patterns) other placeholders. */
    static String differences(Map<String, String> english, Map<String, String> portuguese, boolean patterns) {
        List<String> said = new ArrayList<>();
        english.keySet().stream().filter(k -> !portuguese.containsKey(k)).forEach(k -> said.add("missing in pt-BR: " + k));
        portuguese.keySet().stream().filter(k -> !english.containsKey(k)).forEach(k -> said.add("missing in English: " + k));
        if (patterns) {
            english.forEach((k, v) -> {
                if (portuguese.containsKey(k) && !specifiers(v).equals(specifiers(portuguese.get(k)))) {
                    said.add(k + ": placeholders " + specifiers(v) + " in English, " + specifiers(portuguese.get(k)) + " in pt-BR");
                }
            });
        }
        return String.join("\n", said);
    }

    static List<String> specifiers(String pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = SPECIFIER.matcher(pattern);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(RESOURCES)) {
            return all.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Map<String, String> load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, String> out = new LinkedHashMap<>();
        new TreeSet<>(p.stringPropertyNames()).forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }
}
