package org.binaryconnect.runtime.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to load: a dataset name ({@code mnist}, {@code fashion-mnist}, {@code cifar10}) or a path, and how.
 *
 * @param source a known name or a path (a directory, or a CSV file); an existing path wins over a name
 * @param format the layout of the files; {@link DatasetFormat#AUTO} decides from the name or the path's content
 * @param csv how to read CSV files
 * @param emnistSplit which EMNIST split of an IDX directory to read (e.g. {@code balanced}); null: MNIST's names,
 *     or the only EMNIST split there
 * @param preprocessing what happens to the features on load
 * @param cacheRoot where downloads go, one subdirectory per name
 * @param offline when true nothing is downloaded: a name not found locally fails with how to get the files
 * @param console receives download progress lines
 * @param classNames the classes' names in label order, as the user gave them; empty: the dataset's own, if known
 */
public record DatasetRequest(String source, DatasetFormat format, CsvOptions csv, String emnistSplit,
        Preprocessing preprocessing, Path cacheRoot, boolean offline, Consumer<String> console,
        List<String> classNames) {

    /** The system property that moves the download cache (default {@code ~/.cache/binaryconnect}). */
    public static final String CACHE_PROPERTY = "binaryconnect.cache";

    public DatasetRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(preprocessing, "preprocessing");
        Objects.requireNonNull(cacheRoot, "cacheRoot");
        Objects.requireNonNull(console, "console");
        classNames = List.copyOf(classNames);
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must name a dataset or a path");
        }
    }

    /** {@code source} with the defaults: format detected, bytes scaled to [-1, 1], the default cache, online. */
    public static DatasetRequest of(String source) {
        return new DatasetRequest(source, DatasetFormat.AUTO, CsvOptions.defaults(), null, Preprocessing.defaults(),
                defaultCacheRoot(), false, System.out::println, List.of());
    }

    /**
     * The {@value #CACHE_PROPERTY} system property, else {@code $XDG_CACHE_HOME/binaryconnect}, else
     * {@code ~/.cache/binaryconnect}.
     */
    public static Path defaultCacheRoot() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "binaryconnect");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "binaryconnect");
    }

    public DatasetRequest withFormat(DatasetFormat value) {
        return new DatasetRequest(source, value, csv, emnistSplit, preprocessing, cacheRoot, offline, console,
                classNames);
    }

    public DatasetRequest withCsv(CsvOptions value) {
        return new DatasetRequest(source, format, value, emnistSplit, preprocessing, cacheRoot, offline, console,
                classNames);
    }

    public DatasetRequest withEmnistSplit(String value) {
        return new DatasetRequest(source, format, csv, value, preprocessing, cacheRoot, offline, console, classNames);
    }

    public DatasetRequest withPreprocessing(Preprocessing value) {
        return new DatasetRequest(source, format, csv, emnistSplit, value, cacheRoot, offline, console, classNames);
    }

    public DatasetRequest withCacheRoot(Path value) {
        return new DatasetRequest(source, format, csv, emnistSplit, preprocessing, value, offline, console, classNames);
    }

    public DatasetRequest withOffline(boolean value) {
        return new DatasetRequest(source, format, csv, emnistSplit, preprocessing, cacheRoot, value, console,
                classNames);
    }

    /** The classes' names, in label order; the loader checks there is one per class. */
    public DatasetRequest withClassNames(List<String> value) {
        return new DatasetRequest(source, format, csv, emnistSplit, preprocessing, cacheRoot, offline, console, value);
    }

    public DatasetRequest withConsole(Consumer<String> value) {
        return new DatasetRequest(source, format, csv, emnistSplit, preprocessing, cacheRoot, offline, value,
                classNames);
    }
}
