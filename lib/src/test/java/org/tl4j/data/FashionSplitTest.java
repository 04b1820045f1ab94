package org.tl4j.data;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FashionSplitTest {
    private static String image(int value) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < 784; i++) {
            s.append(i == 0 ? "" : ",").append(value);
        }
        return s.append("]").toString();
    }

    private static byte[] json(String... images) {
        return ("{\"data\": [" + String.join(", ", images) + "]}").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void emptyImagesAreDroppedAndCounted() {
        FashionSplit.ParsedImages p = FashionSplit.parse(json(image(3), "[]", image(255), "[]"), "x.json");
        assertEquals(2, p.images().size());
        assertEquals(2, p.empty());
        assertEquals((byte) 255, p.images().get(1)[783]);
    }

    @Test
    void badImagesAreRefusedWithWhere() {
        DatasetException shortImage = assertThrows(DatasetException.class, () -> FashionSplit.parse(json("[1,2,3]"), "x.json"));
        assertTrue(shortImage.getMessage().contains("3 pixels"), shortImage.getMessage());
        DatasetException big = assertThrows(DatasetException.class, () -> FashionSplit.parse(json(image(256)), "y.json"));
        assertTrue(big.getMessage().contains("bad pixel"), big.getMessage());
        DatasetException cut = assertThrows(DatasetException.class,
                () -> FashionSplit.parse("{\"data\": [[1,2".getBytes(StandardCharsets.US_ASCII), "z.json"));
        assertTrue(cut.getMessage().contains("ends"), cut.getMessage());
    }
}
