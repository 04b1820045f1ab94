package org.tl4j.viz;

/** Anything of the course that knows how to show itself in a notebook (image grids, progress bars). */
public interface Visual {
    Rendition render();
}
