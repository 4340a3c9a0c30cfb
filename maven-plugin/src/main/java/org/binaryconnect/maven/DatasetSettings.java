package org.binaryconnect.maven;

import java.io.File;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.binaryconnect.runtime.cli.CliOption;

/**
 * The dataset a run trains on, as the plugin's parameters give it: a name the runtime resolves itself
 * ({@code fashion-mnist}, {@code mnist}, {@code cifar10}: system location, user cache, checksummed download) or a
 * path, with its format and preprocessing.
 *
 * @param source a dataset name, or an absolute path
 * @param format {@code auto}, {@code idx}, {@code cifar10} or {@code csv}; null: auto
 * @param preprocessing comma-separated steps ({@code scale-0-1}, {@code scale-1-1}, {@code gcn}, {@code center},
 *     {@code zca}, {@code authors-cifar10}); null: scale to [-1, 1]
 * @param csvLabelColumn the label column of CSV data, by header name or 0-based index; null: the first
 * @param emnistSplit the EMNIST split to read from an IDX directory; null: MNIST names or the only split
 * @param cacheDirectory where downloads go; null: ~/.cache/binaryconnect
 * @param offline never download (also when Maven runs offline)
 * @param classNames the classes' names, comma-separated in label order; null: the dataset's own where known
 */
record DatasetSettings(String source, String format, String preprocessing, String csvLabelColumn,
        String csvTestFile, String emnistSplit, File cacheDirectory, boolean offline, String classNames) {

    static final Set<String> NAMES = Set.of("fashion-mnist", "mnist", "cifar10");
    private static final String HINT = "install Debian's package dataset-fashion-mnist, give a dataset name"
            + " (fashion-mnist, mnist, cifar10) or set -Dbinaryconnect.data=<dir>";

    /** Only the source: a directory of IDX files, everything else by default. */
    static DatasetSettings of(File directory) {
        return new DatasetSettings(directory.getAbsolutePath(), null, null, null, null, null, null, false, null);
    }

    /**
     * A {@code data} parameter: a dataset name stays a name unless a file of that name exists in the project; any
     * other value is a path, resolved against the project's base directory.
     */
    static String resolveSource(File basedir, String data) {
        File file = new File(data);
        File resolved = file.isAbsolute() ? file : new File(basedir, data);
        if (NAMES.contains(data) && !resolved.exists()) {
            return data;
        }
        return resolved.getAbsolutePath();
    }

    boolean isName() {
        return NAMES.contains(source);
    }

    /** A path that does not exist fails before a JVM is forked; names are resolved (or downloaded) by the runtime. */
    void check() throws MojoExecutionException {
        if (!isName() && !new File(source).exists()) {
            throw new MojoExecutionException("The data directory " + source + " does not exist (parameter data): "
                    + HINT + ".");
        }
        if (format != null && !Set.of("auto", "idx", "cifar10", "csv").contains(format)) {
            throw new MojoExecutionException("Parameter dataFormat (-Dbinaryconnect.dataFormat) is " + format
                    + " but must be one of auto, idx, cifar10, csv.");
        }
    }

    /** The dataset options of {@code TrainMain} and {@code EvaluateMain}. */
    List<String> arguments() {
        return new ChildArguments()
                .add(CliOption.DATA, source)
                .add(CliOption.FORMAT, format)
                .add(CliOption.PREPROCESSING, preprocessing)
                .add(CliOption.CSV_LABEL, csvLabelColumn)
                .add(CliOption.CSV_TEST_FILE, csvTestFile)
                .add(CliOption.EMNIST_SPLIT, emnistSplit)
                .add(CliOption.CACHE, cacheDirectory == null ? null : cacheDirectory.getAbsolutePath())
                .add(CliOption.OFFLINE, offline ? "true" : null)
                .add(CliOption.CLASS_NAMES, classNames)
                .toList();
    }
}
