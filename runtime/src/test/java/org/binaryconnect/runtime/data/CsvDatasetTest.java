package org.binaryconnect.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RawSamples read(String text, CsvOptions options, int inputSize, int classes) {
        return CsvReader.read(write("data.csv", text), options, inputSize, classes);
    }

    private String error(String text, CsvOptions options, int inputSize, int classes) {
        return assertThrows(DataException.class, () -> read(text, options, inputSize, classes)).getMessage();
    }

    @Test
    void detectsHeaderAndReadsLabelFromFirstColumn() {
        RawSamples samples = read("label,x,y\n2,0.5,-1\n\n0, 3e2 ,\"4\"\r\n", CsvOptions.defaults(), 2, 3);

        assertArrayEquals(new byte[] {2, 0}, samples.labels());
        assertArrayEquals(new float[] {0.5f, -1f, 300f, 4f}, samples.floats());
    }

    @Test
    void withoutHeaderTheFirstLineIsData() {
        RawSamples samples = read("1,2,3\n0,4,5\n", CsvOptions.defaults(), 2, 2);

        assertArrayEquals(new byte[] {1, 0}, samples.labels());
        assertArrayEquals(new float[] {2, 3, 4, 5}, samples.floats());
    }

    @Test
    void labelColumnByNameOrIndexAndOtherDelimiter() {
        String text = "x;class;y\n0.5;1;7\n0.25;0;8\n";
        CsvOptions semicolon = CsvOptions.defaults().withDelimiter(';');

        RawSamples byName = read(text, semicolon.withLabelColumn("class"), 2, 2);
        RawSamples byIndex = read(text, semicolon.withLabelColumn("1"), 2, 2);

        for (RawSamples samples : List.of(byName, byIndex)) {
            assertArrayEquals(new byte[] {1, 0}, samples.labels());
            assertArrayEquals(new float[] {0.5f, 7f, 0.25f, 8f}, samples.floats());
        }
    }

    @Test
    void aFileOfAnotherSeparatorReadsAsOneColumnAndTheMessageSaysSoNotToDeclareOneInput() {
        DataException semicolons = assertThrows(DataException.class,
                () -> read("label;x;y\n1;5;6\n", CsvOptions.defaults(), 2, 2));
        DataException tabs = assertThrows(DataException.class, () -> read("1\t5\t6\n", CsvOptions.defaults(), 2, 2));

        assertTrue(semicolons.getMessage().endsWith(" reads as one column: its first line has no ',' (its cells seem"
                + " separated by ';'). Write the file with ',' between a label and 2 feature values."),
                semicolons.getMessage());
        assertTrue(tabs.getMessage().contains("(its cells seem separated by '\\t')"), tabs.getMessage());
        assertFalse(semicolons.getMessage().contains("{0}"), semicolons.getMessage());
    }

    @Test
    void configuredHeaderIsSkippedEvenWhenNumeric() {
        RawSamples samples = read("0,1,2\n1,5,6\n", CsvOptions.defaults().withHeader(CsvOptions.Header.PRESENT),
                2, 2);

        assertArrayEquals(new byte[] {1}, samples.labels());
    }

    @Test
    void nonNumericCellIsNamedWithFileLineAndColumn() {
        String message = error("label,a,b\n1,2,3\n0,x7,3\n", CsvOptions.defaults(), 2, 2);

        assertTrue(message.startsWith(dir.resolve("data.csv") + ", line 3, column 2 (a): 'x7' is not a number"),
                message);
    }

    @Test
    void nanAndInfinityAreRejected() {
        for (String bad : List.of("NaN", "-inf", "Infinity", "1e39")) {
            String message = error("1,2,3\n0," + bad + ",3\n", CsvOptions.defaults(), 2, 2);

            assertTrue(message.startsWith(dir.resolve("data.csv") + ", line 2, column 2: '" + bad + "' is "),
                    message);
            assertTrue(message.contains("not a finite number") || message.contains("beyond the float range"),
                    message);
        }
    }

    @Test
    void wrongColumnCountIsNamed() {
        String message = error("l,a,b\n1,2,3\n0,2\n", CsvOptions.defaults(), 2, 2);

        assertTrue(message.startsWith(dir.resolve("data.csv") + ", line 3: 2 cells, but the header has 3"), message);
    }

    @Test
    void labelOutsideClassesIsNamed() {
        String message = error("1,2,3\n3,2,3\n", CsvOptions.defaults(), 2, 3);
        String fraction = error("1,2,3\n1.5,2,3\n", CsvOptions.defaults(), 2, 3);

        assertTrue(message.startsWith(dir.resolve("data.csv") + ", line 2, column 1: label '3' is not a class in "
                + "[0, 3)"), message);
        assertTrue(fraction.contains("label '1.5' is not a class"), fraction);
    }

    @Test
    void featureCountMustMatchTheNetwork() {
        String message = error("1,2,3\n", CsvOptions.defaults(), 5, 3);

        assertTrue(message.contains("has 2 feature columns besides the label, but the network takes 5 inputs"),
                message);
    }

    @Test
    void unknownLabelColumnIsNamed() {
        String message = error("a,b,c\n1,2,3\n", CsvOptions.defaults().withLabelColumn("target"), 2, 3);

        assertTrue(message.contains("has no column named target (its columns are a, b, c)"), message);
    }

    @Test
    void loaderReadsDirectoryWithTrainAndTestFiles() {
        write("train.csv", "label,a,b\n1,0.5,2\n0,1,1\n");
        write("test.csv", "label,a,b\n1,3,4\n");

        Dataset dataset = new DatasetLoader().load(DatasetRequest.of(dir.toString()), 2, 2);
        List<Path> files = new DatasetLoader().inputFiles(DatasetRequest.of(dir.toString()));

        assertEquals(2, dataset.training().size());
        assertEquals(0.5f, dataset.training().feature(0, 0));
        assertEquals(4f, dataset.test().feature(0, 1));
        assertEquals(List.of(dir.resolve("train.csv"), dir.resolve("test.csv")), files);
    }

    @Test
    void loaderReadsOneFileWithItsTestFileAndCentres() {
        Path train = write("mine.csv", "1,0,10\n0,2,20\n");
        write("holdout.csv", "1,1,15\n");
        DatasetRequest request = DatasetRequest.of(train.toString())
                .withCsv(CsvOptions.defaults().withTestFile("holdout.csv"))
                .withPreprocessing(Preprocessing.defaults().withCentering(true));

        Dataset dataset = new DatasetLoader().load(request, 2, 2);

        assertEquals(-1f, dataset.training().feature(0, 0));
        assertEquals(0f, dataset.test().feature(0, 0));
        assertEquals(0f, dataset.test().feature(0, 1));
    }

    @Test
    void oneFileWithoutTestFileSaysWhatToAdd() {
        Path train = write("mine.csv", "1,0,10\n");

        DataException e = assertThrows(DataException.class,
                () -> new DatasetLoader().load(DatasetRequest.of(train.toString()), 2, 2));

        assertTrue(e.getMessage().contains("is one file, but training needs a test file too"), e.getMessage());
        // a parameter the plugin has, not an internal option
        assertTrue(e.getMessage().contains("the csvTestFile parameter (-Dbinaryconnect.csvTestFile=<file beside it>)"),
                e.getMessage());
    }

    @Test
    void notUtf8IsRejected() throws Exception {
        Path file = dir.resolve("latin.csv");
        Files.write(file, new byte[] {'1', ',', (byte) 0xe9, '\n'});

        DataException e = assertThrows(DataException.class,
                () -> CsvReader.read(file, CsvOptions.defaults(), 1, 2));

        assertTrue(e.getMessage().contains("is not UTF-8 text"), e.getMessage());
    }
}
