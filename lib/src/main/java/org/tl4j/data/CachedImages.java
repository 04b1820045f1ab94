package org.tl4j.data;

import org.tl4j.course.Messages;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads an image set from the cache once per JVM; later calls share the same bytes. */
final class CachedImages {
    private static final Messages TEXT = Messages.of(CachedImages.class);
    private static final Map<String, ImageSet> LOADED = new ConcurrentHashMap<>();

    private CachedImages() {
    }

    static String imagesFile(String dataset, String split) {
        return dataset + "-" + split + "-images.idx";
    }

    static String labelsFile(String dataset, String split) {
        return dataset + "-" + split + "-labels.idx";
    }

    static ImageSet load(String dataset, String split, List<String> classes) {
        return LOADED.computeIfAbsent(dataset + "/" + split, k -> read(dataset, split, classes));
    }

    private static ImageSet read(String dataset, String split, List<String> classes) {
        Idx.Content images = Idx.read(DatasetCache.verifiedFile(imagesFile(dataset, split)));
        Idx.Content labels = Idx.read(DatasetCache.verifiedFile(labelsFile(dataset, split)));
        if (images.dims().length != 3 || labels.dims().length != 1 || images.dims()[0] != labels.dims()[0]) {
            throw new DatasetException(TEXT.get("CachedImages.filesDoNotMatch",
                    dataset, split, java.util.Arrays.toString(images.dims()), java.util.Arrays.toString(labels.dims())));
        }
        for (byte b : labels.data()) {
            if ((b & 0xff) >= classes.size()) {
                throw new DatasetException(TEXT.get("CachedImages.labelPastClasses",
                        dataset, split, b & 0xff, classes.size()));
            }
        }
        return new ImageSet(dataset + " " + split, images.dims()[1], images.dims()[2], images.data(), labels.data(), classes);
    }
}
