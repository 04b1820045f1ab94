package org.tl4j.viz;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tl4j.course.Messages;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Two-dimensional arrays side by side as grey images, at one scale so that their sizes compare: an
 * image, the feature maps a convolution makes of it, their pooled versions. Each is scaled to the full
 * grey range (its lowest value black, its highest white) and captioned with its name and size.
 * {@code Maps.of("digit", image).and("vertical edges", edges)}
 */
public final class Maps implements Visual {
    private static final Messages TEXT = Messages.of(Maps.class);
    private static final int PIXEL = 4;      // CSS pixels per array cell
    private static final int GAP = 12;
    private static final int CAPTION = 30;

    private record Map2d(String name, double[][] values) {
    }

    private final List<Map2d> maps = new ArrayList<>();

    private Maps() {
    }

    public static Maps of(String name, INDArray map) {
        return new Maps().and(name, map);
    }

    /** One more array: [h, w], or [1, 1, h, w] as a convolution layer gives one channel. */
    public Maps and(String name, INDArray map) {
        long[] shape = map.shape();
        long ones = 1;
        for (int i = 0; i < shape.length - 2; i++) {
            ones *= shape[i];
        }
        if (shape.length < 2 || ones != 1) {
            throw new IllegalArgumentException(TEXT.get("Maps.notTwoDimensional",
                    name, java.util.Arrays.toString(shape)));
        }
        int h = (int) shape[shape.length - 2];
        int w = (int) shape[shape.length - 1];
        INDArray flat = map.reshape((long) h * w);
        double[][] v = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y][x] = flat.getDouble((long) y * w + x);
            }
        }
        maps.add(new Map2d(name, v));
        return this;
    }

    public BufferedImage image(int scale) {
        int width = GAP;
        int height = 0;
        for (Map2d m : maps) {
            width += m.values()[0].length * PIXEL + GAP;
            height = Math.max(height, m.values().length * PIXEL);
        }
        height += CAPTION + GAP;
        BufferedImage out = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width * scale, height * scale);
            g.scale(scale, scale);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            int x0 = GAP;
            for (Map2d m : maps) {
                int h = m.values().length;
                int w = m.values()[0].length;
                paint(out, m.values(), x0 * scale, GAP / 2 * scale, PIXEL * scale);
                g.setColor(Color.DARK_GRAY);
                int y = GAP / 2 + h * PIXEL + 13;
                for (String line : List.of(m.name(), h + " \u00d7 " + w)) {
                    g.drawString(line, x0 + Math.max(0, (w * PIXEL - fm.stringWidth(line)) / 2), y);
                    y += 13;
                }
                x0 += w * PIXEL + GAP;
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void paint(BufferedImage out, double[][] v, int x, int y, int cell) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double[] row : v) {
            for (double d : row) {
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
        }
        for (int r = 0; r < v.length; r++) {
            for (int c = 0; c < v[r].length; c++) {
                int grey = max > min ? (int) Math.round(255 * (v[r][c] - min) / (max - min)) : 0;
                int rgb = (grey << 16) | (grey << 8) | grey;
                for (int dy = 0; dy < cell; dy++) {
                    for (int dx = 0; dx < cell; dx++) {
                        out.setRGB(x + c * cell + dx, y + r * cell + dy, rgb);
                    }
                }
            }
        }
    }

    @Override
    public Rendition render() {
        BufferedImage img = image(ChartImages.SCALE);
        StringBuilder text = new StringBuilder();
        for (Map2d m : maps) {
            text.append(text.length() == 0 ? "" : ", ").append(m.name()).append(" ")
                    .append(m.values().length).append("x").append(m.values()[0].length);
        }
        return Rendition.text("maps: " + text)
                .withPng(Images.pngBytes(img), img.getWidth() / ChartImages.SCALE, img.getHeight() / ChartImages.SCALE);
    }
}
