package org.binaryconnect.runtime.cli;

import java.util.List;
import java.util.Locale;
import org.binaryconnect.runtime.data.CsvOptions;
import org.binaryconnect.runtime.data.DatasetFormat;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.data.Preprocessing;

/**
 * The dataset options the forked entry points share: {@code --data <name or path>} (default {@code fashion-mnist}),
 * {@code --format auto|idx|cifar10|csv}, {@code --preprocessing <steps>}, {@code --csv-label <column>},
 * {@code --emnist-split <split>}, {@code --cache <dir>} and {@code --offline true|false}.
 */
final class DatasetArguments {

    static final List<String> OPTIONS = List.of("--data", "--format", "--preprocessing", "--csv-label",
            "--emnist-split", "--cache", "--offline");
    static final String USAGE = "[--data <fashion-mnist|mnist|cifar10|path>] [--format auto|idx|cifar10|csv]"
            + " [--preprocessing <comma-separated: scale-0-1, scale-1-1, gcn, center, zca>] [--csv-label <column>]"
            + " [--emnist-split <split>] [--cache <dir>] [--offline true|false]";
    static final String DEFAULT_DATASET = "fashion-mnist";

    private DatasetArguments() {
    }

    static DatasetRequest parse(CommandLineOptions options) {
        String source = options.has("--data") ? options.required("--data") : DEFAULT_DATASET;
        DatasetRequest request = DatasetRequest.of(source).withOffline(options.flag("--offline", false));
        if (options.has("--format")) {
            request = request.withFormat(format(options.required("--format")));
        }
        if (options.has("--preprocessing")) {
            request = request.withPreprocessing(preprocessing(options.required("--preprocessing")));
        }
        if (options.has("--csv-label")) {
            request = request.withCsv(CsvOptions.defaults().withLabelColumn(options.required("--csv-label")));
        }
        if (options.has("--emnist-split")) {
            request = request.withEmnistSplit(options.required("--emnist-split"));
        }
        if (options.has("--cache")) {
            request = request.withCacheRoot(options.requiredPath("--cache"));
        }
        return request;
    }

    static DatasetFormat format(String value) {
        try {
            return DatasetFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format expects auto, idx, cifar10 or csv, got '" + value + "'.");
        }
    }

    /** See {@link Preprocessing#parse}. */
    static Preprocessing preprocessing(String value) {
        try {
            return Preprocessing.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
