package org.binaryconnect.runtime.model;

import java.util.List;
import org.binaryconnect.inference.InputPipeline;

/**
 * What a model file says about itself.
 *
 * @param formatVersion the file format's version
 * @param networkName the network's name ({@code NetworkDescription.name()}) when it was saved
 * @param fingerprint the network's {@code NetworkDescription.fingerprint()}: its structure
 * @param epoch the training epoch whose state the file holds
 * @param pipeline what turns a raw sample into the features the network was trained on, with its fitted values
 * @param classNames the classes' names in label order; empty when the training data named none
 */
public record ModelHeader(int formatVersion, String networkName, String fingerprint, int epoch,
        InputPipeline pipeline, List<String> classNames) {

    public ModelHeader {
        classNames = List.copyOf(classNames);
    }
}
