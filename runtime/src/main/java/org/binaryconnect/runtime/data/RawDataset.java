package org.binaryconnect.runtime.data;

import java.nio.file.Path;

/**
 * A training part and a test part as read from {@code source}, already checked against the network (features,
 * classes), and the shape of one sample: {@code channels x rows x columns} values in that (channel-major) order.
 */
record RawDataset(Path source, RawSamples training, RawSamples test, int channels, int rows, int columns) {
}
