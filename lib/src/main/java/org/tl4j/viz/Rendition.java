package org.tl4j.viz;

import java.util.Base64;

/**
 * What a notebook shows for one object: plain text always, plus HTML, a PNG or an SVG when the
 * object has them. The kernel extension turns it into Jupyter display data; a terminal prints
 * {@link #text()}.
 */
public final class Rendition {
    private final String text;
    private String html;
    private byte[] png;
    private int pngWidth;
    private int pngHeight;
    private String svg;

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
