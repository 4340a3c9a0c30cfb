package org.binaryconnect.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.binaryconnect.runtime.data.DataException;
import org.binaryconnect.runtime.data.DatasetLoader;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.data.FileStamp;
import org.binaryconnect.runtime.io.AtomicFiles;

/**
 * What a completed training depends on, summed up in one SHA-256: the generated network class and its spec (both
 * as compiled bytes, so any change of the declaration or of the processor shows), the BinaryConnect runtime the
 * plugin brings, the dataset's files (names, sizes and modification times, as build tools compare them) and every
 * parameter that changes the result. After a successful run the sum is written next to the model; a later run
 * with the same sum and all its outputs in place has nothing to do.
 */
final class TrainingInputs {

    static final String FILE_NAME = "training-inputs.sha256";
    /** What a completed run leaves; any of them missing or changed means training again. */
    private static final List<String> OUTPUTS = List.of("model.bin", "checkpoint.bin", "metrics.csv");

    private final String key;
    private final List<String> description;

    private TrainingInputs(List<String> description) {
        this.description = List.copyOf(description);
        this.key = sha256(String.join("\n", description).getBytes(StandardCharsets.UTF_8));
    }

    static TrainingInputs of(TrainingRequest request, DeclaredNetwork network) {
        List<String> lines = new ArrayList<>();
        lines.add("network " + network.generatedClass() + " "
                + fileSha256(classFile(request.classesDirectory(), network.generatedClass())));
        lines.add("spec " + network.specClass() + " "
                + fileSha256(classFile(request.classesDirectory(), network.specClass())));
        for (ClasspathEntry entry : request.pluginArtifacts()) {
            if (entry.key().startsWith("org.binaryconnect:")) {
                lines.add("runtime " + entry.key() + " " + FileStamp.of(entry.file().toPath()));
            }
        }
        lines.add("data " + String.join(" ", request.data().arguments()));
        for (Path file : dataFiles(request.data())) {
            lines.add("data-file " + file + " " + FileStamp.of(file));
        }
        lines.add("overrides " + String.join(" ", request.overrides().arguments()));
        if (request.spark() != null && !request.spark().resultKey().isEmpty()) {
            lines.add(request.spark().resultKey());
        }
        return new TrainingInputs(lines);
    }

    String key() {
        return key;
    }

    /** Whether {@code output} holds a completed run of exactly these inputs. */
    boolean upToDate(File output) {
        Path recorded = output.toPath().resolve(FILE_NAME);
        List<String> lines;
        try {
            if (!Files.isRegularFile(recorded)) {
                return false;
            }
            lines = Files.readAllLines(recorded, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return false;
        }
        if (lines.isEmpty() || !lines.get(0).equals(key)) {
            return false;
        }
        // the outputs as the run left them: a deleted, damaged or replaced file means training again
        for (String name : OUTPUTS) {
            if (!lines.contains(outputLine(output, name))) {
                return false;
            }
        }
        return true;
    }

    /** Records a completed run: the key, what it sums up (for whoever wonders why a run was repeated), the outputs. */
    void record(File output) throws IOException {
        StringBuilder text = new StringBuilder(key).append('\n');
        description.forEach(line -> text.append(line).append('\n'));
        for (String name : OUTPUTS) {
            text.append(outputLine(output, name)).append('\n');
        }
        AtomicFiles.writeString(output.toPath().resolve(FILE_NAME), text.toString());
    }

    private static String outputLine(File output, String name) {
        return "output " + name + " " + fileSha256(output.toPath().resolve(name));
    }

    /** Forgets the last completed run before a new one starts, so an interrupted run is never taken as done. */
    static void forget(File output) throws IOException {
        Files.deleteIfExists(output.toPath().resolve(FILE_NAME));
    }

    private static Path classFile(File classesDirectory, String className) {
        return classesDirectory.toPath().resolve(className.replace('.', '/') + ".class");
    }

    /**
     * The files a name resolves to without downloading (none when it is not on this machine yet: then the run is not
     * up to date), or a path's files.
     */
    private static List<Path> dataFiles(DatasetSettings settings) {
        if (settings.isName()) {
            try {
                DatasetRequest request = DatasetRequest.of(settings.source()).withOffline(true);
                if (settings.cacheDirectory() != null) {
                    request = request.withCacheRoot(settings.cacheDirectory().toPath());
                }
                return new DatasetLoader().inputFiles(request);
            } catch (DataException e) {
                return List.of();
            }
        }
        Path data = Path.of(settings.source());
        if (!Files.isDirectory(data)) {
            return Files.isRegularFile(data) ? List.of(data) : List.of();
        }
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + data, e);
        }
    }


    private static String fileSha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return "missing";
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
