package org.binaryconnect.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.binaryconnect.runtime.io.AtomicFiles;
import org.binaryconnect.runtime.model.ModelFile;
import org.binaryconnect.runtime.model.ModelFileException;
import org.binaryconnect.runtime.model.ModelHeader;

/**
 * Keeps the model of a finished run that a new run in the same directory would otherwise replace: a run of another
 * configuration, network or data, or one restarted on purpose. The model and its metrics move, whole, to
 * {@code previous/<time>-epoch<N>-<fingerprint>/}; nothing is deleted, and the new run starts in a clean directory.
 */
final class PreviousRuns {

    static final String DIRECTORY = "previous";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private PreviousRuns() {
    }

    /**
     * Moves the model (and the metrics beside it) out of {@code output} when there is one.
     *
     * @return the folder it now lives in, or null when there was no model
     */
    static Path keep(Path output) throws IOException {
        Path model = output.resolve(ModelFile.FILE_NAME);
        if (!Files.exists(model)) {
            return null;
        }
        String name;
        try {
            ModelHeader header = ModelFile.readHeader(model);
            name = STAMP.format(Instant.now()) + "-epoch" + header.epoch() + "-" + header.fingerprint();
        } catch (ModelFileException e) {
            name = STAMP.format(Instant.now()) + "-unreadable";
        }
        Path folder = output.resolve(DIRECTORY).resolve(name);
        for (int n = 2; Files.exists(folder); n++) {
            folder = output.resolve(DIRECTORY).resolve(name + "-" + n);
        }
        Files.createDirectories(folder);
        for (String file : List.of(MetricsCsv.FILE_NAME, ModelFile.FILE_NAME)) {
            Path source = output.resolve(file);
            if (Files.exists(source)) {
                // a rename within one directory tree, made durable: the file is whole at either name, never copied
                AtomicFiles.move(source, folder.resolve(file));
            }
        }
        return folder;
    }

    /** The fingerprint of the network {@code model} was trained for; null when it cannot be read. */
    static String fingerprint(Path model) throws IOException {
        try {
            return ModelFile.readHeader(model).fingerprint();
        } catch (ModelFileException e) {
            return null;
        }
    }
}
