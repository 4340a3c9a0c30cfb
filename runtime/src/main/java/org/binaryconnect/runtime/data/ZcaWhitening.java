package org.binaryconnect.runtime.data;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.binaryconnect.inference.InputPipeline;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ZCA whitening as pylearn2's {@code preprocessing.ZCA()} does it with its defaults (pylearn2/datasets/
 * preprocessing.py, class ZCA, fit and apply; used by make_cifar10_gcn_whitened.py, whose output the authors'
 * cifar10.py trains on): with {@code m} the training mean and {@code C = (X - m)^T (X - m) / n + 0.1 I},
 * {@code P = V diag(1 / sqrt(eigenvalues)) V^T} from C's eigen-decomposition, and every sample becomes
 * {@code (x - m) P}. The filter bias 0.1 keeps directions of tiny variance from being blown up, so whitened
 * training data has covariance {@code V diag(l / (l + 0.1)) V^T}: close to the identity where variances are
 * large (as after contrast normalisation with scale 55).
 *
 * <p>Whitening itself is {@link InputPipeline#whiten}, the kernel the exported inference calls, so that a model
 * whitens a raw sample exactly as training did: float products added in a fixed order, not BLAS's (whose order and
 * fused multiply-adds depend on the CPU). It runs on every core, over parts of the samples.
 *
 * <p>Covariance and the fit's products run in single precision through ND4J's BLAS, in chunks of rows so that only one
 * chunk is ever copied into ND4J; the eigen-decomposition (LAPACK's syev) runs in double. Single precision halves
 * the time of the two big products (measured on 2 shared cores: 1,024 rows of 3,072 features into the covariance
 * take 1.07 s in double, 0.52 s in float), and a sum of 50,000 products of contrast-normalised values loses
 * nothing that matters in float. For CIFAR-10 expect about a minute in all: 12-25 s for syev of the 3,072 x 3,072
 * covariance, about 25 s for the covariance of 50,000 images. Whitening 60,000 took about 13 s through BLAS; the
 * fixed-order kernel takes 5-7 ms an image on one of 2 heavily shared cores (about 2-3 minutes for 60,000 on both),
 * the price of a shipped model that whitens a raw image exactly as training did.
 */
final class ZcaWhitening {

    static final double AUTHORS_FILTER_BIAS = 0.1;
    private static final int CHUNK_ROWS = 1024;

    private final double[] mean;
    private final float[] whitening;

    private ZcaWhitening(double[] mean, float[] whitening) {
        this.mean = mean;
        this.whitening = whitening;
    }

    /**
     * Fits on the samples in {@code training} ({@code features} values each).
     *
     * @throws DataException naming {@code source} when there are no samples or the decomposition fails
     */
    static ZcaWhitening fit(float[] training, int features, double filterBias, Path source) {
        int samples = training.length / features;
        if (samples == 0) {
            throw new DataException("ZCA whitening needs training samples, but " + source
                    + " has none: use a dataset with training samples, or turn ZCA whitening off.");
        }
        double[] mean = new double[features];
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < features; j++) {
                mean[j] += training[s * features + j];
            }
        }
        for (int j = 0; j < features; j++) {
            mean[j] /= samples;
        }
        INDArray sums = Nd4j.zeros(DataType.FLOAT, features, features);
        for (int first = 0; first < samples; first += CHUNK_ROWS) {
            int rows = Math.min(CHUNK_ROWS, samples - first);
            INDArray chunk = centredChunk(training, features, first, rows, mean);
            Nd4j.gemm(chunk, chunk, sums, true, false, 1.0, 1.0);
        }
        INDArray covariance = sums.castTo(DataType.DOUBLE).divi(samples);
        for (int j = 0; j < features; j++) {
            covariance.putScalar(j, j, covariance.getDouble(j, j) + filterBias);
        }
        // syev overwrites the matrix with its eigenvectors, one per column.
        INDArray eigenvectors = covariance;
        INDArray eigenvalues = Eigen.symmetricGeneralizedEigenvalues(eigenvectors, true);
        double smallest = eigenvalues.minNumber().doubleValue();
        if (!(smallest > 0)) {
            throw new DataException("ZCA whitening of " + source + " failed: the covariance of the training "
                    + "features has the eigenvalue " + smallest + ": turn ZCA whitening off or check the data.");
        }
        INDArray scale = Nd4j.createFromArray(inverseSquareRoots(eigenvalues));
        INDArray scaledVectors = eigenvectors.mulRowVector(scale);
        INDArray whitening = Nd4j.zeros(DataType.DOUBLE, features, features);
        Nd4j.gemm(scaledVectors, eigenvectors, whitening, false, true, 1.0, 0.0);
        return new ZcaWhitening(mean, whitening.castTo(DataType.FLOAT).dup('c').data().asFloat());
    }

    /** The whitening matrix P, for tests. */
    double[][] matrix() {
        int features = mean.length;
        double[][] rows = new double[features][features];
        for (int i = 0; i < features; i++) {
            for (int j = 0; j < features; j++) {
                rows[i][j] = whitening[i * features + j];
            }
        }
        return rows;
    }

    /** The training mean, a copy. */
    double[] mean() {
        return mean.clone();
    }

    /** P, row-major, a copy. */
    float[] matrixValues() {
        return whitening.clone();
    }

    /** Replaces every sample {@code x} in {@code values} by {@code (x - mean) P}, in place. */
    void apply(float[] values) {
        int samples = values.length / mean.length;
        int parts = (samples + CHUNK_ROWS - 1) / CHUNK_ROWS;
        IntStream.range(0, parts).parallel().forEach(part -> InputPipeline.whiten(values, part * CHUNK_ROWS,
                Math.min(CHUNK_ROWS, samples - part * CHUNK_ROWS), mean, whitening));
    }

    private static INDArray centredChunk(float[] values, int features, int first, int rows, double[] mean) {
        float[] chunk = new float[rows * features];
        for (int r = 0; r < rows; r++) {
            int base = (first + r) * features;
            for (int j = 0; j < features; j++) {
                chunk[r * features + j] = (float) (values[base + j] - mean[j]);
            }
        }
        return Nd4j.create(chunk, new long[] {rows, features}, DataType.FLOAT);
    }

    private static double[] inverseSquareRoots(INDArray eigenvalues) {
        double[] values = eigenvalues.toDoubleVector();
        for (int i = 0; i < values.length; i++) {
            values[i] = 1 / Math.sqrt(values[i]);
        }
        return values;
    }
}
