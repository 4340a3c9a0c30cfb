package org.binaryconnect.runtime.model;

/**
 * The model file layout, version 2, shared by checkpoints. Every number is big-endian; strings are an int length
 * and UTF-8 bytes.
 *
 * <pre>
 * magic        8 bytes  "BCMODEL" and a zero byte ("BCCHKPT" and a zero byte for a checkpoint)
 * version      int      2
 * network      string   NetworkDescription.name()
 * fingerprint  string   NetworkDescription.fingerprint()
 * epoch        int      the epoch the state comes from
 * metadata     string   checkpoints only: the training progress as "key=value" lines (at most 4 MiB)
 * pipeline              the input pipeline (org.binaryconnect.inference.InputPipeline), n = its features:
 *              low      float32  what byte 0 scales to
 *              high     float32  what byte 255 scales to
 *              features int      n, the network's input size
 *              steps    byte     bit 0: gcn, bit 1: center, bit 2: zca (the packed format's step flags)
 *              gcn:     float64  the norm each sample is scaled to (55)
 *              center:  n float32, the training means
 *              zca:     n float64, the mean; n * n float32, the matrix P row-major
 * classes      int      number of class names: 0 (the data named none) or the network's classes
 * classes times: name string
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
 *
 * <p>Version 1 files (no pipeline, no class names) are refused with the version message, not read as scale-1-1:
 * a version-1 model may have been trained with any preprocessing, and guessing wrong would ship a model that gets
 * other inputs than it was trained on. Training again writes version 2.
 */
final class ModelFormat {

    static final int VERSION = 2;
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
