package org.binaryconnect.runtime.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max-pooling over channel-major samples: {@code input [batch, channels * height * width]} to
 * {@code output [batch, channels * outHeight * outWidth]}. The forward pass remembers where each maximum came from
 * (the first one in row-major window order on ties) in the caller's {@code argmax}, one entry per output element,
 * and the backward pass routes each delta there.
 */
public final class MaxPoolKernels {

    private MaxPoolKernels() {
    }

    /** {@code output = max over each window of input}; {@code argmax} gets each maximum's index within its sample. */
    public static void forward(PoolShape s, INDArray input, INDArray output, int[] argmax) {
        int batch = batch(s, input, output, argmax);
        int in = s.inputSize();
        int out = s.outputSize();
        Buf src = Buf.of(input);
        Buf dst = Buf.of(output);
        // Samples are independent: split over both cores, each sample's result the same on any thread.
        Parallel.split(batch, 1, (long) batch * in, (from, to) -> {
            if (src instanceof Buf.F32 fin && dst instanceof Buf.F32 fout) {
                float[] x = Scratch.floats(0, in);
                float[] y = Scratch.floats(1, out);
                for (int n = from; n < to; n++) {
                    fin.loadFloats(n * in, x, in);
                    forwardSample(s, x, y, argmax, n * out);
                    fout.storeFloats(n * out, y, out);
                }
                return;
            }
            double[] x = Scratch.doubles(0, in);
            double[] y = Scratch.doubles(1, out);
            for (int n = from; n < to; n++) {
                src.load(n * in, x, in);
                forwardSample(s, x, y, argmax, n * out);
                dst.store(n * out, y, out);
            }
        });
    }

    /** {@code inputDelta} (overwritten) gets each output delta at the position its maximum came from. */
    public static void backward(PoolShape s, INDArray delta, int[] argmax, INDArray inputDelta) {
        int batch = batch(s, inputDelta, delta, argmax);
        int in = s.inputSize();
        int out = s.outputSize();
        Buf d = Buf.of(delta);
        Buf dx = Buf.of(inputDelta);
        Parallel.split(batch, 1, (long) batch * in, (from, to) -> {
            if (d instanceof Buf.F32 fd && dx instanceof Buf.F32 fdx) {
                float[] dy = Scratch.floats(0, out);
                float[] g = Scratch.floats(1, in);
                for (int n = from; n < to; n++) {
                    fd.loadFloats(n * out, dy, out);
                    Arrays.fill(g, 0, in, 0f);
                    for (int j = 0, base = n * out; j < out; j++) {
                        g[argmax[base + j]] += dy[j];
                    }
                    fdx.storeFloats(n * in, g, in);
                }
                return;
            }
            double[] dy = Scratch.doubles(0, out);
            double[] g = Scratch.doubles(1, in);
            for (int n = from; n < to; n++) {
                d.load(n * out, dy, out);
                Arrays.fill(g, 0, in, 0);
                for (int j = 0, base = n * out; j < out; j++) {
                    g[argmax[base + j]] += dy[j];
                }
                dx.store(n * in, g, in);
            }
        });
    }

    private static void forwardSample(PoolShape s, float[] x, float[] y, int[] argmax, int argmaxBase) {
        int j = 0;
        for (int c = 0; c < s.channels(); c++) {
            int plane = c * s.height() * s.width();
            for (int oy = 0; oy < s.outHeight(); oy++) {
                for (int ox = 0; ox < s.outWidth(); ox++, j++) {
                    int first = plane + oy * s.stride() * s.width() + ox * s.stride();
                    int best = first;
                    float max = x[first];
                    for (int ky = 0; ky < s.size(); ky++) {
                        for (int kx = 0, i = first + ky * s.width(); kx < s.size(); kx++, i++) {
                            if (x[i] > max) {
                                max = x[i];
                                best = i;
                            }
                        }
                    }
                    y[j] = max;
                    argmax[argmaxBase + j] = best;
                }
            }
        }
    }

    private static void forwardSample(PoolShape s, double[] x, double[] y, int[] argmax, int argmaxBase) {
        int j = 0;
        for (int c = 0; c < s.channels(); c++) {
            int plane = c * s.height() * s.width();
            for (int oy = 0; oy < s.outHeight(); oy++) {
                for (int ox = 0; ox < s.outWidth(); ox++, j++) {
                    int first = plane + oy * s.stride() * s.width() + ox * s.stride();
                    int best = first;
                    double max = x[first];
                    for (int ky = 0; ky < s.size(); ky++) {
                        for (int kx = 0, i = first + ky * s.width(); kx < s.size(); kx++, i++) {
                            if (x[i] > max) {
                                max = x[i];
                                best = i;
                            }
                        }
                    }
                    y[j] = max;
                    argmax[argmaxBase + j] = best;
                }
            }
        }
    }

    private static int batch(PoolShape s, INDArray input, INDArray output, int[] argmax) {
        long batch = input.length() / s.inputSize();
        if (batch * s.inputSize() != input.length() || batch * s.outputSize() != output.length()
                || argmax.length < batch * s.outputSize()) {
            throw new IllegalArgumentException("arrays of " + input.length() + ", " + output.length() + " and "
                    + argmax.length + " elements do not fit " + s);
        }
        return (int) batch;
    }
}
