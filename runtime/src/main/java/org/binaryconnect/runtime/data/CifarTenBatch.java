package org.binaryconnect.runtime.data;

import java.nio.file.Path;

/**
 * The content of one CIFAR-10 binary batch file: {@code labels.length} images of 3072 unsigned bytes each, kept in
 * the file's channel-major order (1024 red, 1024 green, 1024 blue values, each plane 32x32 row-major), one image
 * after the other.
 */
record CifarTenBatch(Path file, byte[] pixels, byte[] labels) {

    int count() {
        return labels.length;
    }
}
