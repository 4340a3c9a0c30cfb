package org.binaryconnect.runtime.export;

import org.binaryconnect.dsl.EvaluationWeights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link ExportNetworks#hand()} that predicts, one sample a batch, with {@link ReferenceEvaluation#declared}: the
 * trained network an export's check compares the packed model with. Created by name, as generated classes are.
 */
public final class RunnableHandNetwork extends FixedStateNetwork {

    private final INDArray input = Nd4j.create(DataType.FLOAT, 1, ExportNetworks.HAND_INPUTS);
    private final int[] labels = new int[1];

    public RunnableHandNetwork(DataType dataType, long seed) {
        super(ExportNetworks.hand().description(), ExportNetworks.hand().state());
    }

    @Override
    public INDArray input() {
        return input;
    }

    @Override
    public int[] labels() {
        return labels;
    }

    @Override
    public void prepareEvaluation(EvaluationWeights weights) {
        // deterministic binary weights, applied by the reference itself
    }

    @Override
    public INDArray predict() {
        float[] features = input.toFloatVector();
        double[] scores = ReferenceEvaluation.declared(this, features);
        float[] row = new float[scores.length];
        for (int c = 0; c < row.length; c++) {
            row[c] = (float) scores[c];
        }
        return Nd4j.createFromArray(row).reshape(1, row.length);
    }
}
