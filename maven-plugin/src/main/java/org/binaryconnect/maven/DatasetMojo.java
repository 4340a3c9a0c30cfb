package org.binaryconnect.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The dataset parameters of the goals that read data ({@code train}, {@code evaluate}, and {@code export}, which
 * checks the packed model on the test part), declared once so that they read data the same way and document it the
 * same way.
 */
abstract class DatasetMojo extends BinaryConnectMojo {

    /**
     * The dataset: a name ({@code fashion-mnist}, {@code mnist}, {@code cifar10}), looked for in the system location
     * ({@code /usr/share/datasets/<name>}, where Debian's {@code dataset-fashion-mnist} puts Fashion-MNIST), then in
     * the user cache ({@code ~/.cache/binaryconnect/<name>}), then downloaded from its official address and checked
     * against its SHA-256; or a path: a directory of IDX files (MNIST, Fashion-MNIST or EMNIST names, gzipped or
     * raw), of CIFAR-10 binary batches, or of {@code train.csv} and {@code test.csv}, or one CSV file. A relative
     * path is resolved against the project's base directory.
     */
    @Parameter(property = "binaryconnect.data", defaultValue = "fashion-mnist")
    private String data;

    /** The layout of {@code data}: {@code auto} (detected), {@code idx}, {@code cifar10} or {@code csv}. */
    @Parameter(property = "binaryconnect.dataFormat", defaultValue = "auto")
    private String dataFormat;

    /**
     * What happens to the features on load, in order, comma-separated: {@code scale-1-1} (bytes to [-1, 1], the
     * default) or {@code scale-0-1}, then any of {@code gcn} (global contrast normalisation), {@code center}
     * (per-feature centering) and {@code zca} (ZCA whitening), all fitted on the training part;
     * {@code authors-cifar10} is the authors' CIFAR-10 preprocessing ({@code scale-1-1,gcn,zca}).
     */
    @Parameter(property = "binaryconnect.preprocessing")
    private String preprocessing;

    /** The label column of CSV data: a header name or a 0-based index (default: the first column). */
    @Parameter(property = "binaryconnect.csvLabelColumn")
    private String csvLabelColumn;

    /**
     * The test file of CSV data given as one training file ({@code data} naming a {@code .csv}): a file name beside
     * it, e.g. {@code test.csv}.
     */
    @Parameter(property = "binaryconnect.csvTestFile")
    private String csvTestFile;

    /** The EMNIST split to read from an IDX directory holding several (e.g. {@code balanced}). */
    @Parameter(property = "binaryconnect.emnistSplit")
    private String emnistSplit;

    /** Where downloaded datasets are kept (default {@code ~/.cache/binaryconnect}). */
    @Parameter(property = "binaryconnect.datasetCache")
    private File datasetCache;

    /**
     * The names of the classes, comma-separated in label order (e.g. {@code cat,dog,bird}), one per class the
     * network predicts: recorded in the model, its packed file and the generated {@code className(int)}. Default:
     * the dataset's own for Fashion-MNIST, MNIST and CIFAR-10, none for other data.
     */
    @Parameter(property = "binaryconnect.classNames")
    private String classNames;

    /** Never download a dataset (implied when Maven runs offline, {@code -o}). */
    @Parameter(property = "binaryconnect.offline", defaultValue = "false")
    private boolean offline;

    /** The dataset as the parameters give it, relative paths resolved against the project's base directory. */
    final DatasetSettings datasetSettings() {
        File basedir = basedir();
        return new DatasetSettings(DatasetSettings.resolveSource(basedir, data), dataFormat, preprocessing,
                csvLabelColumn, csvTestFile, emnistSplit, datasetCache == null ? null : TrainingRequest.resolve(basedir, datasetCache),
                offline || session().isOffline(), classNames);
    }
}
