package org.binaryconnect.runtime.model;

/**
 * What a model file says about itself.
 *
 * @param formatVersion the file format's version
 * @param networkName the network's name ({@code NetworkDescription.name()}) when it was saved
 * @param fingerprint the network's {@code NetworkDescription.fingerprint()}: its structure
 * @param epoch the training epoch whose state the file holds
 */
public record ModelHeader(int formatVersion, String networkName, String fingerprint, int epoch) {
}
