package org.binaryconnect.runtime.export;

import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.runtime.train.LayerDescription;

/** Two evaluations in plain Java that the exports are checked against. */
final class ReferenceEvaluation {

    private ReferenceEvaluation() {
    }

    /**
     * The network as trained, before any folding, in double: {@code z = x Wb + b} with {@code Wb = W >= 0 ? +H : -H}
     * (W itself for full precision), then batch norm on the running statistics, then the activation.
     */
    static double[] declared(FixedStateNetwork network, float[] features) {
        double[] x = new double[features.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = features[i];
        }
        for (LayerDescription layer : network.description().layers()) {
            String name = layer.name();
            double[] y = new double[layer.units()];
            for (int j = 0; j < layer.units(); j++) {
                double z = network.array(name + ".b").getDouble(j);
                for (int i = 0; i < layer.inputs(); i++) {
                    double w = network.array(name + ".W").getDouble(i, j);
                    double wb = layer.binary() ? (w >= 0 ? layer.h() : -layer.h()) : w;
                    z += x[i] * wb;
                }
                if (layer.batchNorm()) {
                    z = (z - network.array(name + ".runningMean").getDouble(j))
                            / (network.array(name + ".runningStd").getDouble(j) + layer.batchNormEpsilon())
                            * network.array(name + ".gamma").getDouble(j) + network.array(name + ".beta").getDouble(j);
                }
                y[j] = layer.activation() == Nonlinearity.RELU ? Math.max(0, z) : z;
            }
            x = y;
        }
        return x;
    }

    /** The packed model as the format document defines it, with the C export's arithmetic (double sums). */
    static float[] folded(PackedModel model, float[] features) {
        float[] x = features;
        for (PackedLayer layer : model.layers()) {
            float[] y = new float[layer.units()];
            for (int j = 0; j < layer.units(); j++) {
                double acc = 0;
                for (int i = 0; i < layer.inputs(); i++) {
                    acc += layer.sign(j, i) * (double) x[i];
                }
                float value = (float) (layer.scale()[j] * acc + layer.shift()[j]);
                y[j] = layer.activation() == Nonlinearity.RELU && value < 0 ? 0f : value;
            }
            x = y;
        }
        return x;
    }

    /** The index of the largest score, the first one on ties. */
    static int argmax(float[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }
}
