package org.binaryconnect.runtime.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one entry point for training data: resolves a {@link DatasetRequest} (a name or a path, see
 * {@link DatasetResolver}), reads the files in their format, checks them against the network and preprocesses
 * them.
 *
 * <pre>{@code
 * Dataset cifar = new DatasetLoader().load(
 *         DatasetRequest.of("cifar10").withPreprocessing(Preprocessing.authorsCifarTen()), 3072, 10);
 * List<Path> inputs = new DatasetLoader().inputFiles(DatasetRequest.of("fashion-mnist"));
 * }</pre>
 */
public final class DatasetLoader {

    private final DatasetResolver resolver;

    /** Official download addresses, system datasets under /usr/share/datasets. */
    public DatasetLoader() {
        this(DatasetResolver.SYSTEM_ROOT, KnownDataset::official);
    }

    /** For tests: another system location, and download sources (a local server) instead of the official ones. */
    DatasetLoader(Path systemRoot, Function<KnownDataset, DownloadSource> sources) {
        this.resolver = new DatasetResolver(systemRoot, sources);
    }

    /**
     * Loads the dataset for a network taking {@code inputSize} values and predicting {@code classes} classes,
     * downloading a known one if needed and allowed.
     *
     * @throws DataException in one sentence saying what to change, when the data is missing, damaged, cannot be
     *     downloaded or does not fit the network
     */
    public Dataset load(DatasetRequest request, int inputSize, int classes) {
        ResolvedDataset resolved = resolver.resolve(request);
        Path location = resolved.location();
        RawDataset raw = switch (resolved.format()) {
            case IDX, AUTO -> {
                for (Path ignored : IdxLayout.locate(location, request.emnistSplit()).ignoredTwins()) {
                    request.console().accept("note: " + ignored.getFileName() + " is not read: the .gz file of the"
                            + " same name beside it is");
                }
                yield IdxDataset.read(location, request.emnistSplit(), inputSize, classes);
            }
            case CIFAR10 -> CifarTenDataset.read(location, inputSize, classes);
            case CSV -> CsvDataset.read(location, request.csv(), inputSize, classes);
        };
        requireSamples(raw.training(), "training", location);
        requireSamples(raw.test(), "test", location);
        return request.preprocessing().apply(raw).withClassNames(ClassNames.of(request, resolved, classes));
    }

    /** An empty part would train on nothing or report an accuracy of NaN, and exit as if all were well. */
    private static void requireSamples(RawSamples part, String name, Path location) {
        if (part.count() == 0) {
            throw new DataException("The " + name + " part of " + location + " holds no samples: give data with at"
                    + " least one " + name + " sample.");
        }
    }

    /**
     * The files {@link #load} would read, without reading or downloading anything, for an up-to-date check. For
     * a known name found nowhere locally these are where a download would put them, which do not exist yet.
     *
     * @throws DataException when an explicit path holds no dataset of its format
     */
    public List<Path> inputFiles(DatasetRequest request) {
        Optional<List<Path>> pending = resolver.pendingDownload(request);
        if (pending.isPresent()) {
            return pending.get();
        }
        ResolvedDataset resolved = resolver.locate(request);
        Path location = resolved.location();
        return switch (resolved.format()) {
            case IDX, AUTO -> IdxLayout.locate(location, request.emnistSplit()).files();
            case CIFAR10 -> CifarTenLayout.locate(location).files();
            case CSV -> CsvDataset.files(location, request.csv());
        };
    }
}
