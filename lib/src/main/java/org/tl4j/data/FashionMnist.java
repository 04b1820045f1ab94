package org.tl4j.data;

import java.util.List;

/**
 * Zalando's Fashion-MNIST: 28x28 grey-scale pictures of clothing in ten classes.
 * The course's split: the first 6,000 images of each class (in the package's order) train,
 * the rest test (see datasets/README.md).
 */
public final class FashionMnist {
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    public static ImageSet train() {
        return CachedImages.load("fashion", "train", CLASSES);
    }

    public static ImageSet test() {
        return CachedImages.load("fashion", "test", CLASSES);
    }
}
