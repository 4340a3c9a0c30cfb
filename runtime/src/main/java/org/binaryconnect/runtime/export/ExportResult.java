package org.binaryconnect.runtime.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What one export wrote and how it compares with the float32 weights.
 *
 * @param packedFile the {@code .bcpk} resource
 * @param packedBytes its size
 * @param float32WeightBytes the size of the layers' weights as float32 arrays
 * @param cFiles the C header, source and kernels header
 * @param verification what the check of the packed model against the trained network found
 * @param modelCard the {@code <Spec>.model-card.json} beside the packed file
 */
public record ExportResult(Path packedFile, long packedBytes, long float32WeightBytes, List<Path> cFiles,
        Verification verification, Path modelCard) {

    public ExportResult {
        cFiles = List.copyOf(cFiles);
    }

    /** A result without a check, for the size line alone. */
    ExportResult(Path packedFile, long packedBytes, long float32WeightBytes, List<Path> cFiles) {
        this(packedFile, packedBytes, float32WeightBytes, cFiles, Verification.notVerified("not checked"), null);
    }

    /** E.g. {@code packed model: 385 KiB (394,712 bytes) against 11.1 MiB of float32 weights: 29.5x smaller}. */
    public String sizeLine() {
        return String.format(Locale.ROOT, "packed model: %s (%,d bytes) against %s of float32 weights: %.1fx smaller",
                human(packedBytes), packedBytes, human(float32WeightBytes),
                (double) float32WeightBytes / packedBytes);
    }

    static String human(long bytes) {
        if (bytes < 1024 * 1024) {
            double kib = bytes / 1024.0;
            return String.format(Locale.ROOT, kib >= 100 ? "%.0f KiB" : "%.1f KiB", kib);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
