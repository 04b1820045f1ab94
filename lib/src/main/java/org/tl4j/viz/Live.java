package org.tl4j.viz;

/**
 * One output that changes in place: a progress bar, a learning curve redrawn each epoch.
 * In a notebook it is a display updated by its id; in a terminal, redrawn text.
 */
public final class Live {
    private static volatile Screen screen = new ConsoleScreen();
    private final String id;

    private Live(String id) {
        this.id = id;
    }

    /** Set by the kernel extension so that live output goes to the notebook. */
    public static void useScreen(Screen s) {
        screen = s;
    }

    public static Screen screen() {
        return screen;
    }

    /** Shows the object now and returns the handle that updates it. */
    public static Live show(Object o) {
        return new Live(screen.show(o));
    }

    public void update(Object o) {
        screen.update(id, o);
    }

    public String id() {
        return id;
    }
}
