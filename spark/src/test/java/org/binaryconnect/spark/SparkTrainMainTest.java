package org.binaryconnect.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.binaryconnect.runtime.cli.TrainMain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line a user (or the Maven plugin) runs: TrainMain's arguments and the Spark ones. */
class SparkTrainMainTest {

    private static final String NETWORK = "org.binaryconnect.spark.specs.SparkTestMlpNetwork";

    @TempDir
    static Path dir;

    private static Path data;

    @BeforeAll
    static void writeData() throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        Random random = new Random(3);
        writeIdx(data, "train", 460, random);
        writeIdx(data, "t10k", 100, random);
    }

    @Test
    void oneWorkerOnTheCommandLineTrainsTheModelOfOneJvm() throws IOException {
        Path single = dir.resolve("single");
        Path spark = dir.resolve("spark");
        assertEquals(TrainMain.OK, TrainMain.run(args(single), quiet(), quiet()));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int exit = SparkTrainMain.run(concat(args(spark), "--spark-master", "local[1]", "--spark-workers", "1",
                "--spark-sync-every", "4"), new PrintStream(console, true, StandardCharsets.UTF_8), quiet());
        assertEquals(TrainMain.OK, exit, console.toString(StandardCharsets.UTF_8));
        assertArrayEquals(Files.readAllBytes(single.resolve("model.bin")), Files.readAllBytes(spark.resolve("model.bin")));
        assertTrue(Files.exists(spark.resolve("report.html")));
    }

    @Test
    void anUnreachableMasterIsOneErrorLineAndWritesNothing() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path output = dir.resolve("unreachable");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SparkTrainMain.run(concat(args(output), "--spark-master", "spark://127.0.0.1:" + port),
                quiet(), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(TrainMain.BAD_CONFIGURATION, exit);
        String lastLine = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(lastLine.startsWith(TrainMain.ERROR_PREFIX + "The Spark master spark://127.0.0.1:" + port
                + " is not reachable"), lastLine);
        assertFalse(Files.exists(output), "nothing written");
    }

    private static String[] args(Path output) {
        return new String[] {"--network", NETWORK, "--output", output.toString(), "--data", data.toString(),
            "--epochs", "2", "--validation-samples", "60"};
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    /** Raw IDX files of 8x8 images in 4 classes, each class brighter in its own quarter. */
    private static void writeIdx(Path directory, String prefix, int count, Random random) throws IOException {
        byte[] labels = new byte[count];
        byte[] pixels = new byte[count * 64];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(4);
            labels[i] = (byte) label;
            for (int p = 0; p < 64; p++) {
                int quarter = (p / 8 >= 4 ? 2 : 0) + (p % 8 >= 4 ? 1 : 0);
                pixels[i * 64 + p] = (byte) ((quarter == label ? 60 : 0) + random.nextInt(160));
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(directory.resolve(prefix
                + "-images-idx3-ubyte")))) {
            out.writeInt(0x803);
            out.writeInt(count);
            out.writeInt(8);
            out.writeInt(8);
            out.write(pixels);
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(directory.resolve(prefix
                + "-labels-idx1-ubyte")))) {
            out.writeInt(0x801);
            out.writeInt(count);
            out.write(labels);
        }
    }
}
