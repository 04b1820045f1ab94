package org.tl4j.evaluate;

import org.junit.jupiter.api.Test;
import org.tl4j.data.ImageSet;
import org.tl4j.data.Mnist;
import org.tl4j.train.Trainer;
import org.tl4j.viz.Show;
import org.tl4j.zoo.SourceModel;
import org.tl4j.zoo.Zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {
    @Test
    void reportAgreesWithDl4jAndShowsMistakes() {
        SourceModel m = Zoo.load("lenet-mnist-0to4");
        ImageSet test = Mnist.test().classes(0, 1, 2, 3, 4).first(1000);
        Report r = Report.of(m.network(), test);
        assertEquals(Trainer.accuracy(m.network(), test.batches(250)), r.accuracy(), 1e-9);
        assertEquals(5, r.perClass().rowCount());
        assertEquals(1000, (int) r.perClass().intColumn("images").sum());
        assertTrue(Show.rendition(r.confusionHeatMap()).png().length > 1000);
        var grid = r.confidentMistakes(4).render();
        assertTrue(grid.text().startsWith(Math.min(4, countWrong(r, test)) + " images"), grid.text());
        assertTrue(Show.rendition(r).html().contains("<img src=\"data:image/png;base64,"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Report.of(m.network(), Mnist.test().first(10)));
        assertTrue(e.getMessage().contains("5 outputs") && e.getMessage().contains("10 classes"), e.getMessage());
    }

    private static int countWrong(Report r, ImageSet test) {
        int[] p = r.predictions();
        int n = 0;
        for (int i = 0; i < p.length; i++) {
            n += p[i] != test.label(i) ? 1 : 0;
        }
        return n;
    }
}
