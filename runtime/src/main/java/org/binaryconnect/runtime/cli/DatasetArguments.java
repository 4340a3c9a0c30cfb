package org.binaryconnect.runtime.cli;

import java.util.List;
import java.util.Locale;
import org.binaryconnect.runtime.data.ClassNames;
import org.binaryconnect.runtime.data.CsvOptions;
import org.binaryconnect.runtime.data.DatasetFormat;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.data.Preprocessing;

/**
 * The dataset options the forked entry points share: {@code --data <name or path>} (default {@code fashion-mnist}),
 * {@code --format auto|idx|cifar10|csv}, {@code --preprocessing <steps>}, {@code --csv-label <column>},
 * {@code --emnist-split <split>}, {@code --cache <dir>}, {@code --offline true|false} and
 * {@code --class-names <comma-separated names>}.
 */
final class DatasetArguments {

    static final List<CliOption> OPTIONS = CliOption.DATASET;
    static final String USAGE = "[--data <fashion-mnist|mnist|cifar10|path>] [--format auto|idx|cifar10|csv]"
            + " [--preprocessing <comma-separated: scale-0-1, scale-1-1, gcn, center, zca>] [--csv-label <column>]"
            + " [--emnist-split <split>] [--cache <dir>] [--offline true|false]"
            + " [--class-names <comma-separated, in label order>]";
    static final String DEFAULT_DATASET = "fashion-mnist";

    private DatasetArguments() {
    }

    static DatasetRequest parse(CommandLineOptions options) {
        String source = options.has(CliOption.DATA) ? options.required(CliOption.DATA) : DEFAULT_DATASET;
        DatasetRequest request = DatasetRequest.of(source).withOffline(options.flag(CliOption.OFFLINE, false));
        if (options.has(CliOption.FORMAT)) {
            request = request.withFormat(format(options.required(CliOption.FORMAT)));
        }
        if (options.has(CliOption.PREPROCESSING)) {
            request = request.withPreprocessing(preprocessing(options.required(CliOption.PREPROCESSING)));
        }
        if (options.has(CliOption.CSV_LABEL)) {
            request = request.withCsv(request.csv().withLabelColumn(options.required(CliOption.CSV_LABEL)));
        }
        if (options.has(CliOption.CSV_TEST_FILE)) {
            request = request.withCsv(request.csv().withTestFile(options.required(CliOption.CSV_TEST_FILE)));
        }
        if (options.has(CliOption.EMNIST_SPLIT)) {
            request = request.withEmnistSplit(options.required(CliOption.EMNIST_SPLIT));
        }
        if (options.has(CliOption.CACHE)) {
            request = request.withCacheRoot(options.requiredPath(CliOption.CACHE));
        }
        if (options.has(CliOption.CLASS_NAMES)) {
            request = request.withClassNames(classNames(options.required(CliOption.CLASS_NAMES)));
        }
        return request;
    }

    static DatasetFormat format(String value) {
        try {
            return DatasetFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(CliOption.FORMAT + " expects auto, idx, cifar10 or csv, got '" + value + "'.");
        }
    }

    /** See {@link ClassNames#parse}. */
    static List<String> classNames(String value) {
        try {
            return ClassNames.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
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
