package org.binaryconnect.runtime.export;

import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.nn.ConvShape;
import org.binaryconnect.runtime.nn.PoolShape;

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
            if (layer.isConv()) {
                x = foldedConv(layer, x);
                continue;
            }
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

    /**
     * A packed conv layer as the format document defines it, directly: per filter and output position the double
     * sum of sign (or weight) times input over the receptive field (0 outside the image), the max over each pool
     * window, then scale, shift and the activation.
     */
    private static float[] foldedConv(PackedLayer layer, float[] x) {
        ConvShape c = layer.convolution().orElseThrow();
        double[] sums = new double[c.outputSize()];
        for (int f = 0; f < c.filters(); f++) {
            for (int oy = 0; oy < c.outHeight(); oy++) {
                for (int ox = 0; ox < c.outWidth(); ox++) {
                    double acc = 0;
                    for (int ch = 0; ch < c.channels(); ch++) {
                        for (int ky = 0; ky < c.kernel(); ky++) {
                            for (int kx = 0; kx < c.kernel(); kx++) {
                                int iy = oy * c.stride() - c.padTop() + ky;
                                int ix = ox * c.stride() - c.padLeft() + kx;
                                if (iy >= 0 && iy < c.height() && ix >= 0 && ix < c.width()) {
                                    int i = (ch * c.kernel() + ky) * c.kernel() + kx;
                                    acc += layer.sign(f, i) * x[(ch * c.height() + iy) * c.width() + ix];
                                }
                            }
                        }
                    }
                    sums[(f * c.outHeight() + oy) * c.outWidth() + ox] = acc;
                }
            }
        }
        int height = layer.pool().map(PoolShape::outHeight).orElse(c.outHeight());
        int width = layer.pool().map(PoolShape::outWidth).orElse(c.outWidth());
        int size = layer.pool().map(PoolShape::size).orElse(1);
        int stride = layer.pool().map(PoolShape::stride).orElse(1);
        float[] y = new float[c.filters() * height * width];
        for (int f = 0; f < c.filters(); f++) {
            for (int py = 0; py < height; py++) {
                for (int px = 0; px < width; px++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < size; dy++) {
                        for (int dx = 0; dx < size; dx++) {
                            max = Math.max(max, sums[(f * c.outHeight() + py * stride + dy) * c.outWidth()
                                    + px * stride + dx]);
                        }
                    }
                    float value = (float) (layer.scale()[f] * max + layer.shift()[f]);
                    y[(f * height + py) * width + px] = layer.activation() == Nonlinearity.RELU && value < 0 ? 0f
                            : value;
                }
            }
        }
        return y;
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
