package org.binaryconnect.runtime.model;

import java.nio.charset.StandardCharsets;

/**
 * What is written in the {@link ModelFormat} layout: a model (what was learned), a checkpoint (what was learned
 * plus everything needed to continue training) and a snapshot (a checkpoint's arrays and counters, in memory). Their magic bytes differ so that one is never taken for the other.
 */
enum StateFileKind {

    MODEL("BCMODEL\0", "Model file", "train again or restore it"),
    CHECKPOINT("BCCHKPT\0", "Checkpoint",
            "delete it to train from the start (or train with resume off); it was left as it is"),
    // Never a file: a training state shipped between JVMs mid-epoch (Spark rounds), without a checkpoint's history.
    SNAPSHOT("BCSNAPS\0", "Training state", "it was damaged in transit; run again");

    private final byte[] magic;
    private final String label;
    private final String remedy;

    StateFileKind(String magic, String label, String remedy) {
        this.magic = magic.getBytes(StandardCharsets.US_ASCII);
        this.label = label;
        this.remedy = remedy;
    }

    byte[] magic() {
        return magic.clone();
    }

    /** How messages name such a file, e.g. "Checkpoint". */
    String label() {
        return label;
    }

    /** What the user can do about a damaged file of this kind. */
    String remedy() {
        return remedy;
    }

    /** Whether the file carries a metadata text after its epoch. */
    boolean hasMetadata() {
        return this != MODEL;
    }
}
