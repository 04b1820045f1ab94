package org.tl4j.viz;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapsTest {
    @Test
    void mapsOfDifferentSizesShareOneScaleAndNameTheirSizes() {
        Maps maps = Maps.of("image", Nd4j.rand(DataType.DOUBLE, 28, 28))
                .and("pooled", Nd4j.rand(DataType.DOUBLE, 1, 1, 13, 13));
        assertEquals("maps: image 28x28, pooled 13x13", maps.render().text());
        assertNotNull(maps.render().png());
        BufferedImage img = maps.image(1);
        assertTrue(img.getWidth() > (28 + 13) * 4 && img.getHeight() > 28 * 4, img.getWidth() + "x" + img.getHeight());
        // the highest value of a map is painted white, the lowest black
        BufferedImage one = Maps.of("ramp", Nd4j.createFromArray(new double[][]{{0, 1}})).image(1);
        assertEquals(0xffffff, one.getRGB(12 + 4 + 1, 6 + 1) & 0xffffff);
        assertEquals(0x000000, one.getRGB(12 + 1, 6 + 1) & 0xffffff);
    }

    @Test
    void aBatchOfSeveralMapsIsRefusedWithItsShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Maps.of("maps", Nd4j.rand(DataType.DOUBLE, 1, 3, 5, 5)));
        assertTrue(e.getMessage().contains("[1, 3, 5, 5]"), e.getMessage());
    }
}
