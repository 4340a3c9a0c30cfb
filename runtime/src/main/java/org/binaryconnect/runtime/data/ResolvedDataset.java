package org.binaryconnect.runtime.data;

import java.nio.file.Path;

/** Where a request's files are (a directory, or a CSV file) and in which format. */
record ResolvedDataset(Path location, DatasetFormat format) {
}
