package org.tl4j.viz;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveOutputTest {
    /** Records what would be shown, as a notebook would receive it. */
    static final class RecordingScreen implements Screen {
        final List<String> events = new ArrayList<>();

        @Override
        public String show(Object o) {
            events.add("show " + Show.rendition(o).text());
            return "id1";
        }

        @Override
        public void update(String id, Object o) {
            events.add("update " + id + " " + Show.rendition(o).text());
        }
    }

    @Test
    void progressBarShowsOnceThenUpdatesTheSameDisplay() {
        RecordingScreen screen = new RecordingScreen();
        Screen before = Live.screen();
        Live.useScreen(screen);
        try {
            ProgressBar bar = ProgressBar.start("work", 4);
            for (int i = 0; i < 4; i++) {
                bar.step("step " + i);
            }
            bar.finish("all done");
        } finally {
            Live.useScreen(before);
        }
        assertTrue(screen.events.get(0).startsWith("show work ["), screen.events.toString());
        String last = screen.events.get(screen.events.size() - 1);
        assertTrue(last.startsWith("update id1 work [##############################] 100% 4/4"), last);
        assertTrue(last.endsWith("all done"), last);
    }

    @Test
    void progressBarTextAndBadSize() {
        ProgressBar bar = ProgressBar.of("x", 10);
        bar.advance(5, "half");
        assertEquals(0.5, bar.fraction());
        assertTrue(bar.text().contains(" 50% 5/10"), bar.text());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProgressBar.of("x", 0));
        assertTrue(e.getMessage().contains("at least 1"));
    }

    @Test
    void learningCurveRedrawsAtMostEveryRedrawInterval() throws InterruptedException {
        RecordingScreen screen = new RecordingScreen();
        Screen before = Live.screen();
        Live.useScreen(screen);
        try {
            LearningCurve c = LearningCurve.live("loss", "epoch", "loss").rightAxis("accuracy", "acc");
            c.add("loss", 1, 0.5).add("loss", 2, 0.3); // within the interval: no redraw
            Thread.sleep(LearningCurve.REDRAW_MILLIS + 50);
            c.add("acc", 1, 0.9);                       // after it: redrawn
            c.redraw();                                 // forced
            assertEquals(2, c.points("loss").size());
            assertEquals(1, c.chart().getSeries("acc").getYAxisGroup());
        } finally {
            Live.useScreen(before);
        }
        assertEquals(3, screen.events.size(), screen.events.toString());
        assertTrue(screen.events.get(2).startsWith("update id1 <XYChart: loss>"));
    }
}
