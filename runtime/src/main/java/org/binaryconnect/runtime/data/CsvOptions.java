package org.binaryconnect.runtime.data;

/**
 * How to read a CSV dataset.
 *
 * @param labelColumn the label column's header name, or its 0-based index as digits; null: the first column
 * @param header whether the first line names the columns
 * @param delimiter the character between cells
 * @param testFile for a dataset given as one CSV file: the test file (relative to that file's directory); null
 *     when the dataset is a directory holding {@code train.csv} and {@code test.csv}
 */
public record CsvOptions(String labelColumn, Header header, char delimiter, String testFile) {

    /** Whether a CSV file starts with a line of column names. */
    public enum Header {
        /** A first line with any cell that is not a number is a header. */
        DETECT,
        PRESENT,
        ABSENT
    }

    public CsvOptions {
        if (header == null) {
            throw new IllegalArgumentException("header must not be null");
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter cannot be " + delimiter);
        }
    }

    /** Label in the first column, header detected, comma-separated, train.csv and test.csv in a directory. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, Header.DETECT, ',', null);
    }

    public CsvOptions withLabelColumn(String value) {
        return new CsvOptions(value, header, delimiter, testFile);
    }

    public CsvOptions withHeader(Header value) {
        return new CsvOptions(labelColumn, value, delimiter, testFile);
    }

    public CsvOptions withDelimiter(char value) {
        return new CsvOptions(labelColumn, header, value, testFile);
    }

    public CsvOptions withTestFile(String value) {
        return new CsvOptions(labelColumn, header, delimiter, value);
    }
}
