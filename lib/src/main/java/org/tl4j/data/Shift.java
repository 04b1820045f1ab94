package org.tl4j.data;

import org.tl4j.course.Messages;

import java.util.Random;

/**
 * A change of domain that keeps the labels: the same digits rotated, inverted, noisy, blurred or
 * with another contrast. Applied to every image of a set by {@link ImageSet#shifted(Shift)}.
 */
public interface Shift {
    /** The shifted pixels (0-255, row by row) of image {@code index}. */
    int[] apply(int[] pixels, int rows, int cols, int index);

    /** A short name for tables and captions. */
    String name();

    /** Rotation about the centre by this many degrees (nearest neighbour, black outside). */
    static Shift rotation(double degrees) {
        double rad = Math.toRadians(degrees);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        return new Named("rotated " + (int) degrees + "\u00b0", (px, rows, cols, i) -> {
            int[] out = new int[px.length];
            double cy = (rows - 1) / 2.0;
            double cx = (cols - 1) / 2.0;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    double sx = cos * (x - cx) + sin * (y - cy) + cx;
                    double sy = -sin * (x - cx) + cos * (y - cy) + cy;
                    int ix = (int) Math.round(sx);
                    int iy = (int) Math.round(sy);
                    out[y * cols + x] = (ix >= 0 && ix < cols && iy >= 0 && iy < rows) ? px[iy * cols + ix] : 0;
                }
            }
            return out;
        });
    }

    /**
     * A small random move of each image, for data augmentation: a rotation of up to {@code degrees} either
     * way and a translation of up to {@code pixels} in each direction, drawn per image index from the seed.
     */
    static Shift jitter(int pixels, double degrees, long seed) {
        if (pixels < 0 || degrees < 0) {
            throw new IllegalArgumentException(Named.TEXT.get("Shift.jitterNegative", pixels, degrees));
        }
        return new Named("jittered ±" + pixels + "px ±" + (int) degrees + "°", (px, rows, cols, i) -> {
            Random random = new Random(seed * 1_000_003L + i);
            double rad = Math.toRadians((2 * random.nextDouble() - 1) * degrees);
            int dx = pixels == 0 ? 0 : random.nextInt(2 * pixels + 1) - pixels;
            int dy = pixels == 0 ? 0 : random.nextInt(2 * pixels + 1) - pixels;
            double cos = Math.cos(rad);
            double sin = Math.sin(rad);
            double cy = (rows - 1) / 2.0;
            double cx = (cols - 1) / 2.0;
            int[] out = new int[px.length];
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    double sx = cos * (x - dx - cx) + sin * (y - dy - cy) + cx;
                    double sy = -sin * (x - dx - cx) + cos * (y - dy - cy) + cy;
                    int ix = (int) Math.round(sx);
                    int iy = (int) Math.round(sy);
                    out[y * cols + x] = (ix >= 0 && ix < cols && iy >= 0 && iy < rows) ? px[iy * cols + ix] : 0;
                }
            }
            return out;
        });
    }

    /** White becomes black and black white: the same shapes, opposite low-level statistics. */
    static Shift inversion() {
        return new Named("inverted", (px, rows, cols, i) -> {
            int[] out = new int[px.length];
            for (int k = 0; k < px.length; k++) {
                out[k] = 255 - px[k];
            }
            return out;
        });
    }

    /** Gaussian noise of this standard deviation (in grey levels); the same seed gives the same noise. */
    static Shift noise(double sigma, long seed) {
        if (sigma < 0) {
            throw new IllegalArgumentException(Named.TEXT.get("Shift.noiseNegative", sigma));
        }
        return new Named("noise \u03c3=" + (int) sigma, (px, rows, cols, i) -> {
            Random random = new Random(seed * 1_000_003L + i);
            int[] out = new int[px.length];
            for (int k = 0; k < px.length; k++) {
                out[k] = clamp(px[k] + random.nextGaussian() * sigma);
            }
            return out;
        });
    }

    /** A box blur over (2 radius + 1)^2 neighbours. */
    static Shift blur(int radius) {
        if (radius < 1) {
            throw new IllegalArgumentException(Named.TEXT.get("Shift.blurRadius", radius));
        }
        return new Named("blurred r=" + radius, (px, rows, cols, i) -> {
            int[] out = new int[px.length];
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    int sum = 0;
                    int n = 0;
                    for (int dy = -radius; dy <= radius; dy++) {
                        for (int dx = -radius; dx <= radius; dx++) {
                            int yy = y + dy;
                            int xx = x + dx;
                            if (yy >= 0 && yy < rows && xx >= 0 && xx < cols) {
                                sum += px[yy * cols + xx];
                                n++;
                            }
                        }
                    }
                    out[y * cols + x] = sum / n;
                }
            }
            return out;
        });
    }

    /** Contrast and brightness: v -> factor * v + offset, clipped to 0-255 (a grey-level "colour" change). */
    static Shift contrast(double factor, int offset) {
        return new Named("contrast \u00d7" + factor + (offset >= 0 ? "+" : "") + offset, (px, rows, cols, i) -> {
            int[] out = new int[px.length];
            for (int k = 0; k < px.length; k++) {
                out[k] = clamp(factor * px[k] + offset);
            }
            return out;
        });
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** The pixel work of a shift: image {@code index}'s pixels in, shifted pixels out. */
    @FunctionalInterface
    interface PixelMap {
        int[] apply(int[] pixels, int rows, int cols, int index);
    }

    /** A shift with a name. */
    record Named(String name, PixelMap body) implements Shift {
        /** The package's texts, here because an interface cannot hold a private field. */
        private static final Messages TEXT = Messages.of(Shift.class);

        @Override
        public int[] apply(int[] pixels, int rows, int cols, int index) {
            return body.apply(pixels, rows, cols, index);
        }
    }
}
