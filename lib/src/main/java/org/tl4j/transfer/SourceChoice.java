package org.tl4j.transfer;

import org.tl4j.course.Messages;
import org.tl4j.data.ImageSet;
import org.tl4j.viz.ProgressBar;
import org.tl4j.viz.TabledResult;
import org.tl4j.zoo.SourceModel;
import org.tl4j.zoo.Zoo;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Choosing a source before training with it: every candidate from the zoo gets the same linear probe on
 * the target ({@link Similarity#linearProbe}), scored on held-out images (validation: this is a choice).
 * {@code SourceChoice.among(Zoo.names()).epochs(15).seed(1).rank(split.train(), split.validation()).best()}
 */
public final class SourceChoice {
    private static final Messages TEXT = Messages.of(SourceChoice.class);
    private final List<String> candidates;
    private int epochs = 15;
    private long seed = 1;

    private SourceChoice(List<String> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /** The candidate sources, by their zoo names. */
    public static SourceChoice among(List<String> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("SourceChoice.noCandidates"));
        }
        return new SourceChoice(candidates);
    }

    /** Epochs the probe trains for (15 by default). */
    public SourceChoice epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException(TEXT.get("SourceChoice.epochsAtLeastOne", epochs));
        }
        this.epochs = epochs;
        return this;
    }

    /** The probe's seed (its starting weights and the order of its batches). */
    public SourceChoice seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Probes every candidate: trained on {@code train}, scored on {@code heldOut}; best first. */
    public Ranking rank(ImageSet train, ImageSet heldOut) {
        ProgressBar bar = ProgressBar.start("linear probes", candidates.size());
        List<Candidate> scored = new ArrayList<>();
        for (String name : candidates) {
            SourceModel source = Zoo.load(name);
            scored.add(new Candidate(name, source.card().sourceData(), Similarity.linearProbe(source, train, heldOut, epochs, seed)));
            bar.step(name);
        }
        bar.finish("done");
        scored.sort(Comparator.comparingDouble(Candidate::probe).reversed());
        return new Ranking(scored);
    }

    /** A candidate source, what it was trained on, and its probe score (0 = chance, 1 = perfect). */
    public record Candidate(String name, String trainedOn, double probe) {
    }

    /** The candidates, best probe score first. */
    public static final class Ranking extends TabledResult {
        private final List<Candidate> candidates;

        Ranking(List<Candidate> candidates) {
            this.candidates = List.copyOf(candidates);
        }

        public List<Candidate> candidates() {
            return candidates;
        }

        /** The zoo name of the candidate with the highest probe score. */
        public String best() {
            return candidates.get(0).name();
        }

        public double bestScore() {
            return candidates.get(0).probe();
        }

        /** The probe score of one candidate. */
        public double score(String name) {
            return candidates.stream().filter(c -> c.name().equals(name)).findFirst().map(Candidate::probe)
                    .orElseThrow(() -> new IllegalArgumentException(TEXT.get("SourceChoice.noSuchCandidate",
                            name, candidates.stream().map(Candidate::name).toList())));
        }

        public Table table() {
            StringColumn name = StringColumn.create("source");
            StringColumn trainedOn = StringColumn.create("trained on");
            StringColumn probe = StringColumn.create("linear probe (0 = chance, 1 = perfect)");
            for (Candidate c : candidates) {
                name.append(c.name());
                trainedOn.append(c.trainedOn());
                probe.append(String.format(Locale.ROOT, "%.3f", c.probe()));
            }
            return Table.create("Candidate sources, measured on the target", name, trainedOn, probe);
        }

        public Map<String, Object> data() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kind", "source-choice");
            out.put("candidates", candidates.stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", c.name());
                m.put("trainedOn", c.trainedOn());
                m.put("probe", c.probe());
                return m;
            }).toList());
            out.put("best", best());
            return out;
        }
    }
}
