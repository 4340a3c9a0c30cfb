package org.binaryconnect.runtime.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.runtime.io.AtomicFiles;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.run.TrainingProgress;

/**
 * Saves and restores everything a training run needs to continue: the network's {@link TrainableNetwork#state()},
 * every parameter's optimizer moments, and the {@link TrainingProgress} (epoch, random state, optimizer steps,
 * figures so far). Written in the {@link ModelFormat} layout under its own magic bytes, with the same checksum
 * and atomic replacement as model files, so that a crash or a full disk leaves the previous checkpoint intact.
 */
public final class CheckpointFile {

    /** The checkpoint of the last completed epoch, next to the best epoch's {@code model.bin}. */
    public static final String FILE_NAME = "checkpoint.bin";

    private CheckpointFile() {
    }

    /** As {@link #save(Path, TrainableNetwork, TrainingProgress, InputPipeline, List)} for the default scaling. */
    public static void save(Path file, TrainableNetwork network, TrainingProgress progress) throws IOException {
        save(file, network, progress, InputPipeline.scaling(network.description().inputSize(), -1f, 1f),
                List.of());
    }

    /** Writes the checkpoint, recording the input pipeline and class names the run trains with (as a model does). */
    public static void save(Path file, TrainableNetwork network, TrainingProgress progress, InputPipeline pipeline,
            List<String> classNames) throws IOException {
        NetworkDescription description = network.description();
        ModelHeader header = new ModelHeader(ModelFormat.VERSION, description.name(), description.fingerprint(),
                progress.epoch(), pipeline, classNames);
        try {
            ModelFileWriter.write(file, StateFileKind.CHECKPOINT, header, progress.toText(), arrays(network));
        } catch (IOException e) {
            throw new IOException("Cannot write the checkpoint of epoch " + progress.epoch() + " to " + file + " ("
                    + e.getMessage() + "); the previous checkpoint is intact: make room (or choose another "
                    + "outputDirectory) and run again to continue from it.", e);
        }
    }

    /** A checked checkpoint in memory: its progress can be looked at before deciding to restore it. */
    public static final class Loaded {

        private final Path file;
        private final ModelFileReader.Contents contents;
        private final TrainingProgress progress;

        private Loaded(Path file, ModelFileReader.Contents contents, TrainingProgress progress) {
            this.file = file;
            this.contents = contents;
            this.progress = progress;
        }

        public TrainingProgress progress() {
            return progress;
        }

        /** The input pipeline and class names the checkpoint records. */
        public ModelHeader header() {
            return contents.header();
        }

        /**
         * Restores the checkpoint into {@code network}: arrays, optimizer moments, random state and step count.
         *
         * @throws ModelFileException when it was written for another network; the network is then unchanged
         */
        public TrainingProgress restoreInto(TrainableNetwork network) {
            StoredArrays.restore(file.toString(), StateFileKind.CHECKPOINT, contents, network.description(), arrays(network));
            network.restoreTrainingProgress(progress.randomState(), progress.steps());
            return progress;
        }
    }

    /**
     * Reads and checks {@code file} once, without changing any network.
     *
     * @throws ModelFileException when the file is missing, damaged or of another format
     */
    public static Loaded read(Path file) throws IOException {
        ModelFileReader.Contents contents = ModelFileReader.read(file, StateFileKind.CHECKPOINT);
        return new Loaded(file, contents, progress(file, contents));
    }

    /** {@link #read}'s progress alone. */
    public static TrainingProgress readProgress(Path file) throws IOException {
        return read(file).progress();
    }

    /** {@link #read} then {@link Loaded#restoreInto}. */
    public static TrainingProgress restore(Path file, TrainableNetwork network) throws IOException {
        return read(file).restoreInto(network);
    }

    private static TrainingProgress progress(Path file, ModelFileReader.Contents contents) {
        TrainingProgress progress;
        try {
            progress = TrainingProgress.parse(contents.metadata());
        } catch (IllegalArgumentException e) {
            throw new ModelFileException("Checkpoint " + file + " is damaged: its training progress does not read ("
                    + e.getMessage() + "): " + StateFileKind.CHECKPOINT.remedy() + ".");
        }
        if (progress.epoch() != contents.header().epoch()) {
            throw new ModelFileException("Checkpoint " + file + " is damaged: its header says epoch "
                    + contents.header().epoch() + " but its progress says " + progress.epoch() + ": "
                    + StateFileKind.CHECKPOINT.remedy() + ".");
        }
        return progress;
    }

    /**
     * Deletes the temporary files of writes (model, checkpoint, metrics, report) that a crashed process left in
     * {@code directory}; files of a process still alive are kept.
     */
    public static void deleteAbandonedWrites(Path directory) throws IOException {
        AtomicFiles.deleteAbandonedWrites(directory);
    }

    /** The state arrays, then each parameter's two optimizer moments (the same as a snapshot's). */
    private static List<NamedArray> arrays(TrainableNetwork network) {
        return StateSnapshot.arrays(network);
    }
}
