package org.tl4j.zoo;

import org.tl4j.course.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** What a zoo model is: its recipe (data, classes, epochs, seed) and what it reached, with the file's SHA-256. */
public record ModelCard(String name, String architecture, String sourceData, List<String> classes,
                        int epochs, int batchSize, String updater, long seed, int trainExamples,
                        double testAccuracy, double trainSeconds, String sha256) {
    private static final Messages TEXT = Messages.of(ModelCard.class);

    public static ModelCard read(InputStream in) {
        Properties p = new Properties();
        try {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelCard(p.getProperty("name"), p.getProperty("architecture"), p.getProperty("sourceData"),
                Arrays.asList(p.getProperty("classes").split(",")), Integer.parseInt(p.getProperty("epochs")),
                Integer.parseInt(p.getProperty("batchSize")), p.getProperty("updater"), Long.parseLong(p.getProperty("seed")),
                Integer.parseInt(p.getProperty("trainExamples")), Double.parseDouble(p.getProperty("testAccuracy")),
                Double.parseDouble(p.getProperty("trainSeconds")), p.getProperty("sha256"));
    }

    /** The card as a properties file, keys in a fixed order (stable diffs for the committed files). */
    public String write() {
        StringBuilder s = new StringBuilder();
        line(s, "name", name);
        line(s, "architecture", architecture);
        line(s, "sourceData", sourceData);
        line(s, "classes", String.join(",", classes));
        line(s, "epochs", String.valueOf(epochs));
        line(s, "batchSize", String.valueOf(batchSize));
        line(s, "updater", updater);
        line(s, "seed", String.valueOf(seed));
        line(s, "trainExamples", String.valueOf(trainExamples));
        line(s, "testAccuracy", String.format(Locale.ROOT, "%.4f", testAccuracy));
        line(s, "trainSeconds", String.format(Locale.ROOT, "%.1f", trainSeconds));
        line(s, "sha256", sha256);
        return s.toString();
    }

    private static void line(StringBuilder s, String key, String value) {
        if (value.contains("\n") || value.contains("\\")) {
            throw new IllegalArgumentException(TEXT.get("ModelCard.notOneLine", key, value));
        }
        s.append(key).append('=').append(value).append('\n');
    }
}
