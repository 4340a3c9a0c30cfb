package org.binaryconnect.runtime.data;

import java.net.URI;
import java.util.List;

/** Where a known dataset is downloaded from: a base address and the files under it, each with size and SHA-256. */
record DownloadSource(URI base, List<RemoteFile> files) {
}
