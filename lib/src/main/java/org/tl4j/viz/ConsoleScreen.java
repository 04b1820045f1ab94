package org.tl4j.viz;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/** Live output in a terminal: one-line texts are redrawn in place, longer ones printed again. */
final class ConsoleScreen implements Screen {
    private final AtomicLong ids = new AtomicLong();
    private String lastId;

    @Override
    public synchronized String show(Object o) {
        String id = "console-" + ids.incrementAndGet();
        print(id, o);
        return id;
    }

    @Override
    public synchronized void update(String id, Object o) {
        print(id, o);
    }

    private void print(String id, Object o) {
        PrintStream out = System.out;
        String text = Show.rendition(o).text();
        if (!text.contains("\n")) {
            out.print((id.equals(lastId) ? "\r" : "\n") + text);
            lastId = id;
        } else {
            out.println();
            out.println(text);
            lastId = null;
        }
        out.flush();
    }
}
