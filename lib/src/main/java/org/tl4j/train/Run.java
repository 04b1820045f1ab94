package org.tl4j.train;

/**
 * One training run of an experiment, as the course reports it: the epoch that validation chose, the
 * validation accuracy there, and the accuracy of those same weights on the held-out test set, which
 * played no part in any choice.
 */
public record Run(String name, long seed, int chosenEpoch, int epochs, double validationAccuracy, double testAccuracy,
                  double seconds) {
}
