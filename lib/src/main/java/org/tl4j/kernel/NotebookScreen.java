package org.tl4j.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.tl4j.viz.Screen;

import java.util.UUID;

/** Live output in a notebook: a display with an id, replaced in place by update_display_data. */
final class NotebookScreen implements Screen {
    private static final String DISPLAY_ID = "display_id";
    private final BaseKernel kernel;

    NotebookScreen(BaseKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public String show(Object o) {
        String id = "tl4j-" + UUID.randomUUID();
        DisplayData data = kernel.getRenderer().render(o);
        data.putTransientData(DISPLAY_ID, id);
        kernel.display(data);
        return id;
    }

    @Override
    public void update(String id, Object o) {
        kernel.getIO().display.updateDisplay(id, kernel.getRenderer().render(o));
    }
}
