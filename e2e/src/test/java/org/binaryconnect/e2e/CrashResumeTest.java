package org.binaryconnect.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.binaryconnect.e2e.specs.CrashTestMlpNetwork;
import org.binaryconnect.runtime.cli.TrainMain;
import org.binaryconnect.runtime.model.CheckpointFile;
import org.binaryconnect.runtime.model.ModelFile;
import org.binaryconnect.runtime.run.TrainingProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills training processes at random moments, again and again, and checks after every kill that the checkpoint and
 * the model on disk are whole, that the next run resumes from the last completed epoch, and that a run interrupted
 * any number of times ends with the same model bytes as a run never interrupted.
 *
 * <p>Two kinds of kill: SIGKILL from outside at a random moment within a randomly chosen epoch, and a halt inside a
 * write (halfway through the temporary file, before the rename), which outside kills seldom hit: in turn of every
 * kind of file the run writes, the model, the checkpoint, the metrics and the report.
 */
class CrashResumeTest {

    private static final int KILLS = 50;
    /**
     * Every kind of file a training run writes, each a crash point in turn: the checkpoint and the metrics every
     * epoch, the model when validation improves, the report's files once at the end.
     */
    private static final List<String> WRITTEN_EVERY_EPOCH = List.of(CheckpointFile.FILE_NAME, ModelFile.FILE_NAME,
            "metrics.csv");
    private static final List<String> WRITTEN_AT_THE_END = List.of("metrics.json", "learning-curves.png",
            "confusion-matrix.png", "report.html");
    private static final int EPOCHS = 8;
    private static final Pattern RESUMING = Pattern.compile("resuming from .* after epoch (\\d+) of " + EPOCHS);

    @TempDir
    static Path data;

    @TempDir
    Path runs;

    @BeforeAll
    static void writeData() throws IOException {
        Random random = new Random(8);
        writeSet(data, "train", 4000, random);
        writeSet(data, "t10k", 500, random);
    }

    @Test
    void killedAnyNumberOfTimesTrainingEndsWithTheUninterruptedModel() throws Exception {
        Path reference = runs.resolve("reference");
        Child uninterrupted = Child.start(reference, null);
        assertEquals(0, uninterrupted.waitFor(), uninterrupted.output());
        byte[] expectedModel = Files.readAllBytes(reference.resolve(ModelFile.FILE_NAME));
        List<String> expectedLosses = losses(reference);

        Random random = new Random(2026);
        int kills = 0;
        int writeKills = 0;
        Set<String> haltedIn = new TreeSet<>();
        List<String> kinds = new ArrayList<>(WRITTEN_EVERY_EPOCH);
        kinds.addAll(WRITTEN_AT_THE_END);
        int writeAttempts = 0;
        int completed = 0;
        int runNumber = 0;
        Path output = runs.resolve("run-" + runNumber);
        int lastCheckpoint = 0;
        while (kills < KILLS || completed == 0) {
            boolean inWrite = kills < KILLS && random.nextBoolean();
            String crashPoint = null;
            if (inWrite) {
                String kind = kinds.get(writeAttempts++ % kinds.size());
                crashPoint = kind + ":" + (WRITTEN_AT_THE_END.contains(kind) ? 1 : 1 + random.nextInt(3));
            }
            Child child = Child.start(output, crashPoint);
            if (!inWrite && kills < KILLS) {
                int epoch = lastCheckpoint + random.nextInt(3);
                child.awaitEpoch(epoch, 120);
                Thread.sleep(random.nextInt(120));
                child.kill();
            }
            int exit = child.waitFor();
            int resumedFrom = child.resumedFrom();
            assertEquals(lastCheckpoint, resumedFrom, "resumed from the last checkpoint: " + child.output());
            if (exit == 0) {
                completed++;
                assertArrayEquals(expectedModel, Files.readAllBytes(output.resolve(ModelFile.FILE_NAME)),
                        "run " + runNumber + " ended with another model after " + kills + " kills so far");
                assertEquals(expectedLosses, losses(output));
                assertEquals(List.of(), leftovers(output), "abandoned temporary files were cleaned up");
                output = runs.resolve("run-" + ++runNumber);
                lastCheckpoint = 0;
                continue;
            }
            kills++;
            if (child.haltedInWrite(exit)) {
                writeKills++;
                haltedIn.add(crashPoint.substring(0, crashPoint.lastIndexOf(':')));
            }
            lastCheckpoint = checkFilesAfterKill(output, lastCheckpoint, child);
        }
        assertTrue(writeKills >= 4 && kills - writeKills >= 4, writeKills + " of " + kills + " kills inside writes");
        assertEquals(new TreeSet<>(kinds), haltedIn, "a halt inside a write of every kind of file");
        System.out.printf("CrashResumeTest: %d kills (%d inside writes, of %s), %d runs completed with the"
                + " uninterrupted model%n", kills, writeKills, haltedIn, completed);
    }

    /** The checkpoint and model, where they exist, read whole; the checkpoint never goes back. */
    private static int checkFilesAfterKill(Path output, int lastCheckpoint, Child child) throws IOException {
        Path checkpoint = output.resolve(CheckpointFile.FILE_NAME);
        int epoch = 0;
        if (Files.exists(checkpoint)) {
            TrainingProgress progress = CheckpointFile.readProgress(checkpoint);
            epoch = progress.epoch();
        }
        if (epoch < lastCheckpoint) {
            fail("the checkpoint went back from epoch " + lastCheckpoint + " to " + epoch + ": " + child.output());
        }
        Path model = output.resolve(ModelFile.FILE_NAME);
        if (Files.exists(model)) {
            ModelFile.readHeader(model);
        }
        return epoch;
    }

    private static List<String> losses(Path output) throws IOException {
        List<String> losses = new ArrayList<>();
        for (String row : Files.readAllLines(output.resolve("metrics.csv")).subList(1, EPOCHS + 1)) {
            String[] fields = row.split(",", -1);
            // the figures, not the seconds: loss, accuracies, and the binary-weight accuracies after them
            losses.add(fields[0] + "," + fields[2] + "," + fields[3] + "," + fields[4] + "," + fields[7] + ","
                    + fields[8]);
        }
        return losses;
    }

    private static List<Path> leftovers(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** One training JVM, its standard output collected line by line. */
    private static final class Child {

        private final Process process;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "crash-test-child-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path output, String crashPoint) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx512m");
            if (crashPoint != null) {
                command.add("-Dbinaryconnect.crashTest.haltWriting=" + crashPoint);
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), TrainMain.class.getName(),
                    "--network", CrashTestMlpNetwork.class.getName(), "--data", data.toString(), "--output",
                    output.toString(), "--epochs", String.valueOf(EPOCHS)));
            return new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output lost: " + e + ")");
            }
        }

        /** Returns once the child has printed epoch {@code epoch}'s line (0: once training has begun) or ended. */
        void awaitEpoch(int epoch, int timeoutSeconds) throws InterruptedException {
            String wanted = epoch == 0 ? "data: " : "epoch " + epoch + "/" + EPOCHS + " ";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (process.isAlive() && System.nanoTime() < deadline) {
                synchronized (lines) {
                    if (lines.stream().anyMatch(line -> line.startsWith(wanted))) {
                        return;
                    }
                }
                Thread.sleep(2);
            }
        }

        void kill() {
            process.destroyForcibly();
        }

        int waitFor() throws InterruptedException {
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("a training JVM ran for five minutes: " + output());
            }
            reader.join(10_000);
            return process.exitValue();
        }

        boolean haltedInWrite(int exit) {
            return exit == 86;
        }

        /** The epoch the run said it resumed after, or 0. */
        int resumedFrom() {
            synchronized (lines) {
                for (String line : lines) {
                    Matcher resuming = RESUMING.matcher(line);
                    if (resuming.find()) {
                        return Integer.parseInt(resuming.group(1));
                    }
                }
            }
            return 0;
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }

    /** Raw IDX files of 16x16 images in 4 classes, each class brighter in its own quarter. */
    private static void writeSet(Path directory, String prefix, int count, Random random) throws IOException {
        byte[] labels = new byte[count];
        byte[] pixels = new byte[count * 256];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(4);
            labels[i] = (byte) label;
            for (int p = 0; p < 256; p++) {
                int quarter = (p / 16 >= 8 ? 2 : 0) + (p % 16 >= 8 ? 1 : 0);
                pixels[i * 256 + p] = (byte) ((quarter == label ? 120 : 0) + random.nextInt(120));
            }
        }
        try (OutputStream file = Files.newOutputStream(directory.resolve(prefix + "-images-idx3-ubyte"));
                DataOutputStream out = new DataOutputStream(file)) {
            out.writeInt(0x803);
            out.writeInt(count);
            out.writeInt(16);
            out.writeInt(16);
            out.write(pixels);
        }
        try (OutputStream file = Files.newOutputStream(directory.resolve(prefix + "-labels-idx1-ubyte"));
                DataOutputStream out = new DataOutputStream(file)) {
            out.writeInt(0x801);
            out.writeInt(count);
            out.write(labels);
        }
    }
}
