package org.tl4j.viz;

import java.util.Base64;

/**
 * What a notebook shows for one object: plain text always, plus HTML, a PNG or an SVG when the
 * object has them, and for experiment results their numbers as data (JSON under {@link #DATA_MIME},
 * which notebooks do not show and tests read). The kernel extension turns it into Jupyter display
 * data; a terminal prints {@link #text()}.
 */
public final class Rendition {
    /** The MIME type of a result's numbers in the display data. */
    public static final String DATA_MIME = "application/vnd.tl4j.result+json";

    private final String text;
    private String html;
    private byte[] png;
    private int pngWidth;
    private int pngHeight;
    private String svg;
    private java.util.Map<String, Object> data;

    private Rendition(String text) {
        this.text = text;
    }

    public static Rendition text(String text) {
        return new Rendition(text);
    }

    public Rendition withHtml(String html) {
        this.html = html;
        return this;
    }

    /** A PNG and the size, in CSS pixels, at which it is shown (it may hold more pixels: 2x). */
    public Rendition withPng(byte[] png, int width, int height) {
        this.png = png;
        this.pngWidth = width;
        this.pngHeight = height;
        return this;
    }

    public Rendition withSvg(String svg) {
        this.svg = svg;
        return this;
    }

    /** The numbers behind what is shown: maps, lists, strings and numbers (sent as JSON). */
    public Rendition withData(java.util.Map<String, Object> numbers) {
        this.data = numbers;
        return this;
    }

    public java.util.Map<String, Object> data() {
        return data;
    }

    public String text() {
        return text;
    }

    public String html() {
        return html;
    }

    public byte[] png() {
        return png;
    }

    public String pngBase64() {
        return png == null ? null : Base64.getEncoder().encodeToString(png);
    }

    public int pngWidth() {
        return pngWidth;
    }

    public int pngHeight() {
        return pngHeight;
    }

    public String svg() {
        return svg;
    }

    @Override
    public String toString() {
        return text;
    }
}
