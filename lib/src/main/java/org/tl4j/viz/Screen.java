package org.tl4j.viz;

/** Where live output goes: a notebook (display ids updated in place) or a terminal. */
public interface Screen {
    /** Shows the object and returns an id to update it with. */
    String show(Object o);

    /** Replaces what the id shows with this object. */
    void update(String id, Object o);
}
