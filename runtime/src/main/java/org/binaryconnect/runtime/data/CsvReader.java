package org.binaryconnect.runtime.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a numeric CSV file: one label column (an integer class in {@code [0, classes)}) and feature columns (finite
 * numbers that fit a float). Cells are trimmed; a cell wholly in double quotes loses them (quoted delimiters are
 * not supported: a numeric table has none). Blank lines are skipped.
 *
 * <p>Every problem is a {@link DataException} naming the file, the line and the column (1-based, with the header
 * name when there is one): a cell that is not a number, NaN or an infinity (rejected here, since one would poison
 * every weight it touches), a row with the wrong number of cells, a label outside the classes.
 */
final class CsvReader {

    // Decimal numbers only: Float.parseFloat alone would also take "NaN", "0x1p3" and "1f".
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private final Path file;
    private final CsvOptions options;
    private final int classes;
    /** Separators people use instead of the comma, named when a file reads as a single column. */
    private static final String OTHER_DELIMITERS = ";\t| ";

    private final Pattern delimiter;

    private CsvReader(Path file, CsvOptions options, int classes) {
        this.file = file;
        this.options = options;
        this.classes = classes;
        this.delimiter = Pattern.compile(Pattern.quote(String.valueOf(options.delimiter())));
    }

    /** The samples of {@code file}, whose rows must hold {@code inputSize} features besides the label. */
    static RawSamples read(Path file, CsvOptions options, int inputSize, int classes) {
        return new CsvReader(file, options, classes).read(inputSize);
    }

    private RawSamples read(int inputSize) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder),
                1 << 16)) {
            return parse(in, inputSize);
        } catch (NoSuchFileException e) {
            throw new DataException(file + " does not exist: give an existing CSV file.");
        } catch (CharacterCodingException e) {
            throw new DataException(file + " is not UTF-8 text: save the CSV file as UTF-8 (or plain ASCII).", e);
        } catch (IOException e) {
            throw new DataException("Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    private RawSamples parse(BufferedReader in, int inputSize) throws IOException {
        List<String> names = null;
        int columns = -1;
        int labelColumn = -1;
        float[] values = new float[1024];
        byte[] labels = new byte[64];
        int samples = 0;
        int lineNumber = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = split(line);
            if (columns < 0) {
                columns = cells.length;
                if (isHeader(cells)) {
                    names = List.of(cells);
                    labelColumn = labelColumn(names, columns);
                    checkFeatureCount(columns, inputSize, line);
                    continue;
                }
                checkFeatureCount(columns, inputSize, line);
                labelColumn = labelColumn(null, columns);
            }
            if (cells.length != columns) {
                throw new DataException(file + ", line " + lineNumber + ": " + cells.length + " cells, but "
                        + (names != null ? "the header has " : "the first row has ") + columns
                        + ": give every row the same columns.");
            }
            if ((long) (samples + 1) * inputSize > MAX_VALUES) {
                throw new DataException(file + " has more than " + samples + " rows of " + inputSize
                        + " features, more than fit in one array: split it.");
            }
            if (samples == labels.length) {
                labels = Arrays.copyOf(labels, 2 * labels.length);
            }
            while ((long) (samples + 1) * inputSize > values.length) {
                values = Arrays.copyOf(values, (int) Math.min(MAX_VALUES, 2L * values.length));
            }
            int at = samples * inputSize;
            for (int c = 0; c < columns; c++) {
                if (c == labelColumn) {
                    labels[samples] = label(cells[c], lineNumber, c, names);
                } else {
                    values[at++] = feature(cells[c], lineNumber, c, names);
                }
            }
            samples++;
        }
        if (samples == 0) {
            throw new DataException(file + " has no data rows: give a CSV file with a label column and "
                    + inputSize + " feature columns.");
        }
        return RawSamples.ofFloats(Arrays.copyOf(values, samples * inputSize), Arrays.copyOf(labels, samples),
                inputSize);
    }

    private String[] split(String line) {
        String[] cells = delimiter.split(line, -1);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].strip();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1).strip();
            }
            cells[i] = cell;
        }
        return cells;
    }

    private boolean isHeader(String[] cells) {
        return switch (options.header()) {
            case PRESENT -> true;
            case ABSENT -> false;
            case DETECT -> Arrays.stream(cells).anyMatch(cell -> !NUMBER.matcher(cell).matches()
                    && !NOT_FINITE.matcher(cell).matches());
        };
    }

    private int labelColumn(List<String> names, int columns) {
        String wanted = options.labelColumn();
        if (wanted == null) {
            return 0;
        }
        if (names != null && names.contains(wanted)) {
            return names.indexOf(wanted);
        }
        if (wanted.matches("\\d{1,9}")) {
            int index = Integer.parseInt(wanted);
            if (index < columns) {
                return index;
            }
            throw new DataException(file + " has " + columns + " columns, so there is no label column " + index
                    + " (counted from 0): give an index below " + columns + ".");
        }
        throw new DataException(file + " has no column named " + wanted + (names == null ? " (it has no header)"
                : " (its columns are " + String.join(", ", names) + ")") + ": give the label column's name or "
                + "its index counted from 0.");
    }

    private void checkFeatureCount(int columns, int inputSize, String firstLine) {
        if (columns == 1 && inputSize > 0) {
            String delimiter = String.valueOf(options.delimiter());
            String seen = OTHER_DELIMITERS.chars().filter(c -> firstLine.indexOf(c) >= 0).mapToObj(c -> "'"
                    + (c == '\t' ? "\\t" : String.valueOf((char) c)) + "'").findFirst().orElse(null);
            throw new DataException(file + " reads as one column: its first line has no '" + delimiter + "'"
                    + (seen == null ? "" : " (its cells seem separated by " + seen + ")") + ". Write the file with '"
                    + delimiter + "' between a label and " + inputSize + " feature values.");
        }
        if (columns - 1 != inputSize) {
            throw new DataException(file + " has " + (columns - 1) + " feature columns besides the label, but the "
                    + "network takes " + inputSize + " inputs: use a file with " + inputSize
                    + " feature columns, or declare the network's input as {" + (columns - 1) + "}.");
        }
    }

    private float feature(String cell, int line, int column, List<String> names) {
        if (!NUMBER.matcher(cell).matches()) {
            throw notNumber(cell, line, column, names);
        }
        float value = Float.parseFloat(cell);
        if (Float.isInfinite(value)) {
            throw new DataException(where(line, column, names) + ": " + quote(cell) + " is beyond the float range "
                    + "(about 3.4e38): rescale the column.");
        }
        return value;
    }

    private byte label(String cell, int line, int column, List<String> names) {
        if (!NUMBER.matcher(cell).matches()) {
            throw notNumber(cell, line, column, names);
        }
        double value = Double.parseDouble(cell);
        if (value != Math.rint(value) || value < 0 || value >= classes || value > 255) {
            String range = classes > 256 ? "[0, 256) (labels are stored as bytes)" : "[0, " + classes + ")";
            throw new DataException(where(line, column, names) + ": label " + quote(cell) + " is not a class in "
                    + range + " of a network with " + classes + " classes: use integer labels 0.."
                    + (Math.min(classes, 256) - 1) + ", or declare more classes in the network.");
        }
        return (byte) (int) value;
    }

    private DataException notNumber(String cell, int line, int column, List<String> names) {
        if (NOT_FINITE.matcher(cell).matches()) {
            return new DataException(where(line, column, names) + ": " + quote(cell) + " is not a finite number "
                    + "(NaN and infinities are rejected): remove the row or fill in a value.");
        }
        return new DataException(where(line, column, names) + ": " + quote(cell) + " is not a number: give "
                + "decimal numbers only" + (line == 1 ? ", or mark the first line as a header" : "") + ".");
    }

    private String where(int line, int column, List<String> names) {
        String name = names == null ? "" : " (" + names.get(column) + ")";
        return file + ", line " + line + ", column " + (column + 1) + name;
    }

    private static String quote(String cell) {
        String shown = cell.length() > 40 ? cell.substring(0, 40) + "..." : cell;
        return "'" + shown + "'";
    }
}
