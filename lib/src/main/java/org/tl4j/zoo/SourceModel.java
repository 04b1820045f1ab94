package org.tl4j.zoo;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tl4j.viz.ModelSummary;
import org.tl4j.viz.Rendition;
import org.tl4j.viz.TableHtml;
import org.tl4j.viz.Visual;

/** A zoo model: the trained network and its card. */
public final class SourceModel implements Visual {
    private final ModelCard card;
    private final MultiLayerNetwork net;

    SourceModel(ModelCard card, MultiLayerNetwork net) {
        this.card = card;
        this.net = net;
    }

    public ModelCard card() {
        return card;
    }

    /** The trained network itself (transfer operations work on a copy of it). */
    public MultiLayerNetwork network() {
        return net;
    }

    /** The recipe's network before any training: the same architecture and seed, so its starting weights. */
    public MultiLayerNetwork untrained() {
        return Zoo.recipe(card.name()).network().get();
    }

    @Override
    public Rendition render() {
        String head = String.format(java.util.Locale.ROOT, "%s: %s trained on %s (%d images, %d epoch(s), seed %d), test accuracy %.2f%%",
                card.name(), card.architecture(), card.sourceData(), card.trainExamples(), card.epochs(), card.seed(),
                100 * card.testAccuracy());
        Rendition summary = TableHtml.rendition(ModelSummary.of(net));
        return Rendition.text(head + "\n" + summary.text())
                .withHtml("<p><b>" + TableHtml.escape(head) + "</b></p>" + summary.html());
    }

    @Override
    public String toString() {
        return card.name();
    }
}
