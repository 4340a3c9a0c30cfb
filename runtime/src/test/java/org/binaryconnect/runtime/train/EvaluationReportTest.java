package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.io.JsonWriter;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

    @TempDir
    Path dir;

    /** 5 samples, 3 classes, class 2 absent: true 0 0 0 1 1, predicted 0 1 0 1 0. */
    private static EvaluationReport report() {
        ConfusionMatrix matrix = ConfusionMatrix.of(3, new int[] {0, 0, 0, 1, 1}, new int[] {0, 1, 0, 1, 0});
        return new EvaluationReport("Tiny", "test", Path.of("/data/tiny"), EvaluationWeights.BINARY, 0.25,
                matrix);
    }

    @Test
    void printsAccuracyPerClassAndTheMatrix() {
        assertEquals(List.of(
                "evaluation of Tiny on the test part of /data/tiny: 5 samples, BINARY weights",
                "accuracy 0.6000 (3/5)  loss 0.2500",
                "class  samples  correct  accuracy",
                "    0        3        2    0.6667",
                "    1        2        1    0.5000",
                "    2        0        0         -",
                "confusion matrix (rows: true class, columns: predicted class)",
                "true\\pred 0 1 2",
                "        0 2 1 0",
                "        1 1 1 0",
                "        2 0 0 0"), report().lines());
    }

    @Test
    void writesJsonWithNullForAClassWithoutSamples() {
        assertEquals("""
                {
                  "network": "Tiny",
                  "part": "test",
                  "data": "/data/tiny",
                  "weights": "BINARY",
                  "samples": 5,
                  "correct": 3,
                  "accuracy": 0.6,
                  "loss": 0.25,
                  "classes": [
                    {"class": 0, "samples": 3, "correct": 2, "accuracy": 0.6666666666666666},
                    {"class": 1, "samples": 2, "correct": 1, "accuracy": 0.5},
                    {"class": 2, "samples": 0, "correct": 0, "accuracy": null}
                  ],
                  "confusionMatrix": [
                    [2, 1, 0],
                    [1, 1, 0],
                    [0, 0, 0]
                  ]
                }
                """, report().json());
    }

    @Test
    void writesTheMatrixAsCsv() {
        assertEquals("true_class,predicted_0,predicted_1,predicted_2\n0,2,1,0\n1,1,1,0\n2,0,0,0\n", report().csv());
    }

    /** {@link #report()} on data whose classes have names, one of them needing quotes in CSV and escapes in JSON. */
    private static EvaluationReport named() {
        return new EvaluationReport("Tiny", "test", Path.of("/data/tiny"), EvaluationWeights.BINARY, 0.25,
                report().matrix(), List.of("T-shirt/top", "Shirt, \"formal\"", "Ankle boot"));
    }

    @Test
    void printsTheClassesNamesBesideTheirIndices() {
        assertEquals(List.of(
                "class  name             samples  correct  accuracy",
                "    0  T-shirt/top            3        2    0.6667",
                "    1  Shirt, \"formal\"        2        1    0.5000",
                "    2  Ankle boot             0        0         -"), named().lines().subList(2, 6));
        assertEquals(report().lines().subList(6, 11), named().lines().subList(6, 11), "the matrix keeps indices");
    }

    @Test
    void writesTheNamesIntoTheJson() {
        String json = named().json();

        assertTrue(json.contains("""
                  "classNames": [
                    "T-shirt/top",
                    "Shirt, \\"formal\\"",
                    "Ankle boot"
                  ],
                  "classes": [
                    {"class": 0, "name": "T-shirt/top", "samples": 3, "correct": 2, "accuracy": 0.6666666666666666},
                """), json);
        assertTrue(json.contains("{\"class\": 1, \"name\": \"Shirt, \\\"formal\\\"\", \"samples\": 2"), json);
    }

    @Test
    void writesTheNamesIntoTheCsvQuotedWhereTheyHoldACommaOrAQuote() {
        assertEquals("true_class,predicted_T-shirt/top,\"predicted_Shirt, \"\"formal\"\"\",predicted_Ankle boot\n"
                + "T-shirt/top,2,1,0\n\"Shirt, \"\"formal\"\"\",1,1,0\nAnkle boot,0,0,0\n", named().csv());
    }

    @Test
    void escapesStringsAsMetricsJsonDoes() {
        String name = "a\"b\\c\nd\u0001\u2028e\u2029";
        EvaluationReport report = new EvaluationReport(name, "test", Path.of("/data/tiny"), EvaluationWeights.BINARY,
                0.25, report().matrix());

        assertTrue(report.json().contains("\"network\": \"a\\\"b\\\\c\\nd\\u0001\\u2028e\\u2029\",\n"),
                report.json());
        assertTrue(report.json().contains("\"network\": " + JsonWriter.quote(name) + ",\n"), report.json());
    }

    @Test
    void writesBothFilesAndLeavesNoTemporaryFile() throws IOException {
        Path out = dir.resolve("Tiny");
        Files.createDirectories(out);
        Files.writeString(out.resolve(EvaluationReport.JSON_FILE), "old");

        List<Path> files = report().write(out);

        assertEquals(List.of(out.resolve("evaluation.json"), out.resolve("confusion-matrix.csv")), files);
        assertEquals(report().json(), Files.readString(files.get(0)));
        assertEquals(report().csv(), Files.readString(files.get(1)));
        try (var listing = Files.list(out)) {
            assertEquals(2, listing.count());
        }
    }
}
