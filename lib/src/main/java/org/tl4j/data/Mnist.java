package org.tl4j.data;

import java.util.List;

/** The MNIST handwritten digits: 60,000 training and 10,000 test images, 28x28, labels 0-9. */
public final class Mnist {
    public static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private Mnist() {
    }

    public static ImageSet train() {
        return CachedImages.load("mnist", "train", CLASSES);
    }

    public static ImageSet test() {
        return CachedImages.load("mnist", "test", CLASSES);
    }
}
