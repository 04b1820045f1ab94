package org.tl4j.viz;

import org.tl4j.train.TrainingDisplay;

/** Training shown live: a progress bar over the mini-batches and a learning curve redrawn as it grows. */
public final class LiveTraining implements TrainingDisplay {

    @Override
    public Shown start(String name, long steps) {
        ProgressBar bar = ProgressBar.start(name, steps);
        LearningCurve curve = LearningCurve.of("Learning curve: " + name, "epoch", "training loss")
                .rightAxis("accuracy", "validation accuracy", "train accuracy").show();
        return new Shown() {
            @Override
            public void step(String note) {
                bar.step(note);
            }

            @Override
            public void point(String series, double x, double y) {
                curve.add(series, x, y);
            }

            @Override
            public void epochDone() {
                curve.redraw();
            }

            @Override
            public void finish(String note) {
                bar.finish(note);
            }
        };
    }
}
