package org.tl4j.viz;

import org.tl4j.course.Messages;

import java.util.Locale;

/** A progress bar that redraws itself in place, at most every {@link #REDRAW_MILLIS} ms. */
public final class ProgressBar implements Visual {
    private static final Messages TEXT = Messages.of(ProgressBar.class);
    public static final long REDRAW_MILLIS = 150;
    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long done;
    private String note = "";
    private long lastDraw;
    private Live live;

    private ProgressBar(String label, long total) {
        if (total < 1) {
            throw new IllegalArgumentException(TEXT.get("ProgressBar.noSteps", total));
        }
        this.label = label;
        this.total = total;
    }

    /** A bar that is not shown yet (for tests and for embedding). */
    public static ProgressBar of(String label, long total) {
        return new ProgressBar(label, total);
    }

    /** Creates the bar and shows it. */
    public static ProgressBar start(String label, long total) {
        ProgressBar bar = new ProgressBar(label, total);
        bar.live = Live.show(bar);
        bar.lastDraw = System.nanoTime();
        return bar;
    }

    public void step(String note) {
        advance(1, note);
    }

    public void advance(long steps, String note) {
        done = Math.min(total, done + steps);
        if (note != null) {
            this.note = note;
        }
        long now = System.nanoTime();
        if (live != null && (now - lastDraw) / 1_000_000 >= REDRAW_MILLIS) {
            lastDraw = now;
            live.update(this);
        }
    }

    /** Draws the final state. */
    public void finish(String note) {
        if (note != null) {
            this.note = note;
        }
        if (live != null) {
            live.update(this);
        }
    }

    public long done() {
        return done;
    }

    public double fraction() {
        return done / (double) total;
    }

    private String timing() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        String eta = done == 0 ? "?" : String.format(Locale.ROOT, "%.0fs", (total - done) / rate);
        return String.format(Locale.ROOT, "%.1fs elapsed, %s left, %.1f/s", seconds, done >= total ? "0s" : eta, rate);
    }

    public String text() {
        int width = 30;
        int filled = (int) Math.round(fraction() * width);
        return String.format(Locale.ROOT, "%s [%s%s] %3.0f%% %d/%d (%s) %s", label, "#".repeat(filled),
                "-".repeat(width - filled), 100 * fraction(), done, total, timing(), note).trim();
    }

    @Override
    public Rendition render() {
        String html = String.format(Locale.ROOT,
                "<div style=\"font-family:monospace\">%s <progress value=\"%d\" max=\"%d\" style=\"width:240px\"></progress>"
                        + " %3.0f%% %d/%d <span style=\"color:#666\">(%s)</span> %s</div>",
                TableHtml.escape(label), done, total, 100 * fraction(), done, total, timing(), TableHtml.escape(note));
        return Rendition.text(text()).withHtml(html);
    }
}
