package org.binaryconnect.processor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The network fingerprint, computed at compile time exactly as the runtime's
 * {@code NetworkDescription.fingerprint()} computes it from the generated description, so that a generated
 * inference class knows which trained networks it may load without depending on the runtime.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(NetworkModel model) {
        String structure = String.join("\n", model.inputShape().toString(), String.valueOf(model.classes()),
                model.binarization().name(),
                model.layers().stream().map(LayerModel::summary).collect(Collectors.joining("\n")));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(structure.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
