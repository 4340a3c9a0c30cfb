package org.binaryconnect.runtime.data;

import java.nio.file.Path;

/** Checks that every label of a file is a class the network has. */
final class LabelCheck {

    private LabelCheck() {
    }

    /**
     * @throws DataException naming {@code labelFile}, the first label outside {@code [0, classes)} and where it is
     *     ({@code index} of the sample in the file, counted from {@code firstIndex})
     */
    static void check(Path labelFile, byte[] labels, int classes, int firstIndex) {
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xff;
            if (label >= classes) {
                throw new DataException(labelFile + " has label " + label + " at index " + (firstIndex + i)
                        + ", outside [0, " + classes + ") for a network with " + classes + " classes: use a dataset "
                        + "with " + classes + " classes, or declare classes = " + (maxLabel(labels) + 1)
                        + " in the network.");
            }
        }
    }

    private static int maxLabel(byte[] labels) {
        int max = 0;
        for (byte label : labels) {
            max = Math.max(max, label & 0xff);
        }
        return max;
    }
}
