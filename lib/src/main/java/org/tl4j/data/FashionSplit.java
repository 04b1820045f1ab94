package org.tl4j.data;

import org.tl4j.course.Messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fashion-mnist package's per-class JSON files ({"data": [[784 ints], ...]}) and splits
 * each class: the first {@code trainPerClass} images train, the rest test. Both splits interleave
 * the classes (image j of class c after image j of class c-1) so that any prefix is balanced.
 */
record FashionSplit(byte[] trainImages, byte[] trainLabels, byte[] testImages, byte[] testLabels, int dropped) {
    private static final Messages TEXT = Messages.of(FashionSplit.class);
    static final int PIXELS = 28 * 28;

    int trainCount() {
        return trainLabels.length;
    }

    int testCount() {
        return testLabels.length;
    }

    static FashionSplit read(Path dir, int trainPerClass) throws IOException {
        List<List<byte[]>> classes = new ArrayList<>();
        int dropped = 0;
        for (int c = 0; c < 10; c++) {
            Path file = dir.resolve(c + ".json");
            ParsedImages parsed = parse(Files.readAllBytes(file), file.toString());
            classes.add(parsed.images());
            dropped += parsed.empty();
        }
        List<List<byte[]>> train = new ArrayList<>();
        List<List<byte[]>> test = new ArrayList<>();
        for (List<byte[]> images : classes) {
            int cut = Math.min(trainPerClass, images.size());
            train.add(images.subList(0, cut));
            test.add(images.subList(cut, images.size()));
        }
        ByteArrayOutputStream trI = new ByteArrayOutputStream();
        ByteArrayOutputStream trL = new ByteArrayOutputStream();
        ByteArrayOutputStream teI = new ByteArrayOutputStream();
        ByteArrayOutputStream teL = new ByteArrayOutputStream();
        interleave(train, trI, trL);
        interleave(test, teI, teL);
        return new FashionSplit(trI.toByteArray(), trL.toByteArray(), teI.toByteArray(), teL.toByteArray(), dropped);
    }

    private static void interleave(List<List<byte[]>> byClass, ByteArrayOutputStream images, ByteArrayOutputStream labels) {
        int longest = byClass.stream().mapToInt(List::size).max().orElse(0);
        for (int j = 0; j < longest; j++) {
            for (int c = 0; c < byClass.size(); c++) {
                if (j < byClass.get(c).size()) {
                    images.writeBytes(byClass.get(c).get(j));
                    labels.write(c);
                }
            }
        }
    }

    record ParsedImages(List<byte[]> images, int empty) {
    }

    /** A small scanner for the one JSON shape the package uses; empty arrays are counted and skipped. */
    static ParsedImages parse(byte[] json, String what) {
        int i = indexOf(json, '[', 0);
        if (i < 0 || indexOf(json, '[', i + 1) < 0) {
            throw new DatasetException(TEXT.get("FashionSplit.noImageList", what));
        }
        i++; // inside the outer list
        List<byte[]> images = new ArrayList<>();
        int empty = 0;
        while (true) {
            i = skipSpaceAndCommas(json, i);
            if (i >= json.length) {
                throw new DatasetException(TEXT.get("FashionSplit.listNotClosed", what));
            }
            if (json[i] == ']') {
                break;
            }
            if (json[i] != '[') {
                throw new DatasetException(TEXT.get("FashionSplit.unexpectedByte", what, (char) json[i], i));
            }
            i++;
            byte[] image = new byte[PIXELS];
            int n = 0;
            while (true) {
                i = skipSpaceAndCommas(json, i);
                if (i >= json.length) {
                    throw new DatasetException(TEXT.get("FashionSplit.endsInsideImage", what));
                }
                if (json[i] == ']') {
                    i++;
                    break;
                }
                int v = 0;
                int digits = 0;
                while (i < json.length && json[i] >= '0' && json[i] <= '9') {
                    v = v * 10 + (json[i++] - '0');
                    digits++;
                }
                if (digits == 0 || v > 255 || n >= PIXELS) {
                    throw new DatasetException(TEXT.get("FashionSplit.badPixel", what, images.size(), i));
                }
                image[n++] = (byte) v;
            }
            if (n == 0) {
                empty++;
            } else if (n != PIXELS) {
                throw new DatasetException(TEXT.get("FashionSplit.wrongPixelCount", what, images.size(), n, PIXELS));
            } else {
                images.add(image);
            }
        }
        return new ParsedImages(images, empty);
    }

    private static int skipSpaceAndCommas(byte[] s, int i) {
        while (i < s.length && (s[i] == ' ' || s[i] == ',' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] s, char c, int from) {
        for (int i = from; i < s.length; i++) {
            if (s[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
