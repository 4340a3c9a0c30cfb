package org.binaryconnect.runtime.model;

/**
 * The model file layout, version 1, shared by checkpoints. Every number is big-endian; strings are an int length
 * and UTF-8 bytes.
 *
 * <pre>
 * magic        8 bytes  "BCMODEL" and a zero byte ("BCCHKPT" and a zero byte for a checkpoint)
 * version      int      1
 * network      string   NetworkDescription.name()
 * fingerprint  string   NetworkDescription.fingerprint()
 * epoch        int      the epoch the state comes from
 * metadata     string   checkpoints only: the training progress as "key=value" lines (at most 4 MiB)
 * count        int      number of arrays
 * count times: name     string    e.g. "hidden1.W"
 *              dtype    byte      1 = float32, 2 = float64
 *              rank     byte
 *              shape    rank longs
 *              data     the elements in C order
 * crc          int      CRC-32 of every byte before it
 * </pre>
 *
 * A plain layout on purpose: Python's struct and zlib.crc32 read it in a few lines.
 */
final class ModelFormat {

    static final int VERSION = 1;
    static final byte FLOAT32 = 1;
    static final byte FLOAT64 = 2;
    static final int MAX_RANK = 32;
    static final int MAX_STRING = 1 << 16;
    static final int MAX_METADATA = 1 << 22;
    /** Magic, version and checksum: no valid file is shorter. */
    static final int MIN_LENGTH = 8 + 4 + 4;

    private ModelFormat() {
    }
}
