package org.tl4j.viz;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartImagesTest {
    private static XYChart chart() {
        XYChart c = new XYChartBuilder().width(300).height(200).title("squares").build();
        c.addSeries("x^2", new double[]{1, 2, 3}, new double[]{1, 4, 9});
        return c;
    }

    @Test
    void pngIsDrawnAtTwiceTheChartSize() throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(ChartImages.png(chart())));
        assertEquals(600, img.getWidth());
        assertEquals(400, img.getHeight());
        // not a blank canvas: the corner (background) and the middle differ somewhere
        boolean varied = false;
        int corner = img.getRGB(0, 0);
        for (int x = 0; x < img.getWidth() && !varied; x += 7) {
            varied = img.getRGB(x, img.getHeight() / 2) != corner;
        }
        assertTrue(varied, "the chart image is blank");
    }

    @Test
    void renditionShowsAtChartSize() {
        Rendition r = ChartImages.rendition(chart());
        assertEquals(300, r.pngWidth());
        assertEquals(200, r.pngHeight());
        assertTrue(r.text().contains("squares"));
    }

    @Test
    void svgIsAvailable() {
        String svg = ChartImages.svg(chart());
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        assertTrue(svg.contains("<path") && svg.length() > 2000, "an SVG with nothing drawn");
    }
}
