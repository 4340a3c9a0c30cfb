package org.binaryconnect.runtime.train;

import org.binaryconnect.runtime.run.EpochResult;

/**
 * Follows the authors' model selection: an epoch whose validation accuracy is at least the best so far becomes
 * the best ({@code if val_err <= best_val_err} in binary_connect.py), so ties go to the later, longer-trained
 * epoch. Without validation samples (NaN accuracy) every epoch is the best, which keeps the last.
 */
final class BestEpoch {

    private EpochResult best;

    /** Records {@code epoch}; true when it is the new best. */
    boolean offer(EpochResult epoch) {
        if (best == null || !(epoch.validationAccuracy() < best.validationAccuracy())) {
            best = epoch;
            return true;
        }
        return false;
    }

    /** The best epoch so far, or null before the first. */
    EpochResult best() {
        return best;
    }
}
