package org.binaryconnect.spark;

import java.io.Serializable;

/** A fault a test injects into a round's task, after its steps and before it returns; none in real runs. */
interface RoundFault extends Serializable {

    RoundFault NONE = (epoch, round, partition) -> { };

    void afterSteps(int epoch, int round, int partition);
}
