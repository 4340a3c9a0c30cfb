package org.binaryconnect.runtime.train;

import org.binaryconnect.runtime.network.TrainableNetwork;

/** The epoch's steps one after the other in this JVM, each checked for divergence before its update. */
final class LocalSteps implements StepSource {

    private final BatchFiller batch;

    LocalSteps(BatchFiller batch) {
        this.batch = batch;
    }

    @Override
    public double trainEpoch(EpochSteps epoch) {
        TrainableNetwork network = epoch.network();
        int batchSize = batch.batchSize();
        double lossSum = 0;
        for (int b = 0; b < epoch.batches(); b++) {
            batch.fill(epoch.training(), epoch.order(), b * batchSize);
            network.prepareTrainingStep();
            double loss = network.forwardBackward();
            String problem = epoch.divergence().problem(loss);
            if (problem != null) {
                // before the update, which would spread the fault into every parameter
                throw epoch.diverged(b, loss, problem, NonFiniteLocator.locate(network));
            }
            network.update(epoch.learningRate());
            lossSum += loss;
            epoch.display().batchDone(b + 1, loss);
        }
        return lossSum;
    }
}
