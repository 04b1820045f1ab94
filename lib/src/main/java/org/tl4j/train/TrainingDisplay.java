package org.tl4j.train;

/**
 * Where a {@link Trainer} shows its progress while it trains: the training package draws nothing itself.
 * The notebook kernel plugs in a display with a progress bar and a live learning curve
 * ({@code Trainer.showWith(...)}); without one, training is silent.
 */
public interface TrainingDisplay {

    /** The display of one training run. */
    interface Shown {
        /** One mini-batch done. */
        void step(String note);

        /** A point of a curve: "train loss" per step, "validation accuracy" and "train accuracy" per epoch. */
        void point(String series, double x, double y);

        /** An epoch is over: a good moment to redraw. */
        void epochDone();

        void finish(String note);
    }

    /** Shows nothing. */
    TrainingDisplay NONE = (name, steps) -> new Shown() {
        @Override
        public void step(String note) {
        }

        @Override
        public void point(String series, double x, double y) {
        }

        @Override
        public void epochDone() {
        }

        @Override
        public void finish(String note) {
        }
    };

    /** Starts showing a run of {@code steps} mini-batches. */
    Shown start(String name, long steps);
}
