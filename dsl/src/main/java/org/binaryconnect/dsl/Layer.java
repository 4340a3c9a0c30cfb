package org.binaryconnect.dsl;

/**
 * The type of a layer field in a {@link Network} class. The field's annotations say what the layer is; the
 * field itself is never read.
 */
public interface Layer {
}
