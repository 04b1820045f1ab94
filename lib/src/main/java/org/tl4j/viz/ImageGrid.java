package org.tl4j.viz;

import org.tl4j.course.Messages;
import org.tl4j.data.ImageSet;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Images in a grid, each captioned with its label; with predictions, wrong ones are captioned
 * "label → prediction" in red.
 */
public final class ImageGrid implements Visual {
    private static final Messages TEXT = Messages.of(ImageGrid.class);
    private static final int CELL = 56;      // CSS pixels per image
    private static final int CAPTION = 16;
    private final ImageSet images;
    private final int count;
    private final int columns;
    private int[] predictions;

    private ImageGrid(ImageSet images, int count, int columns) {
        this.images = images;
        this.count = count;
        this.columns = columns;
    }

    public static ImageGrid of(ImageSet images, int count) {
        if (count < 1) {
            throw new IllegalArgumentException(TEXT.get("ImageGrid.noImages", count));
        }
        return new ImageGrid(images, Math.min(count, images.size()), Math.min(10, count));
    }

    /** The same grid with this many images a row. */
    public ImageGrid columns(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException(TEXT.get("ImageGrid.columnsAtLeastOne", columns));
        }
        ImageGrid g = new ImageGrid(images, count, columns);
        g.predictions = predictions;
        return g;
    }

    /** The same grid captioned with predicted labels too (one per image shown). */
    public ImageGrid withPredictions(int[] predicted) {
        if (predicted.length < count) {
            throw new IllegalArgumentException(TEXT.get("ImageGrid.predictionCount", predicted.length, count));
        }
        ImageGrid g = new ImageGrid(images, count, columns);
        g.predictions = predicted.clone();
        return g;
    }

    public BufferedImage image(int scale) {
        int rowsOfCells = (count + columns - 1) / columns;
        int w = columns * CELL;
        int h = rowsOfCells * (CELL + CAPTION);
        BufferedImage out = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            FontMetrics fm = g.getFontMetrics();
            for (int k = 0; k < count; k++) {
                int x0 = (k % columns) * CELL;
                int y0 = (k / columns) * (CELL + CAPTION);
                drawImage(out, k, x0 * scale + 2 * scale, y0 * scale + 2 * scale, (CELL - 4) * scale);
                int label = images.label(k);
                String caption = images.className(label);
                g.setColor(Color.DARK_GRAY);
                if (predictions != null && predictions[k] != label) {
                    caption = caption + " \u2192 " + images.className(predictions[k]);
                    g.setColor(new Color(200, 0, 0));
                }
                while (fm.stringWidth(caption) > CELL - 2 && caption.length() > 2) {
                    caption = caption.substring(0, caption.length() - 2) + "\u2026";
                }
                g.drawString(caption, x0 + (CELL - fm.stringWidth(caption)) / 2, y0 + CELL + CAPTION - 5);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Paints image k as white-on-black pixels, nearest-neighbour scaled to size x size. */
    private void drawImage(BufferedImage out, int k, int x, int y, int size) {
        int[] px = images.pixels(k);
        int rows = images.rows();
        int cols = images.cols();
        for (int dy = 0; dy < size; dy++) {
            int r = dy * rows / size;
            for (int dx = 0; dx < size; dx++) {
                int v = px[r * cols + dx * cols / size];
                out.setRGB(x + dx, y + dy, (v << 16) | (v << 8) | v);
            }
        }
    }

    @Override
    public Rendition render() {
        BufferedImage img = image(ChartImages.SCALE);
        return Rendition.text(count + " images of " + images.name())
                .withPng(Images.pngBytes(img), img.getWidth() / ChartImages.SCALE, img.getHeight() / ChartImages.SCALE);
    }
}
