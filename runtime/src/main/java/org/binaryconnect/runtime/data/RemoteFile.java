package org.binaryconnect.runtime.data;

/** A file at a dataset's official address: its name there, its size in bytes and its SHA-256 (hex). */
record RemoteFile(String name, long size, String sha256) {
}
