package org.binaryconnect.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.binaryconnect.processor.specs.ThreeLayerNetNetwork;
import org.binaryconnect.runtime.network.NetworkClasses;
import org.junit.jupiter.api.Test;

/** The processor writes the code version the runtime accepts: the two constants move together. */
class GeneratedCodeVersionTest {

    @Test
    void generatedVersionIsTheRuntimes() {
        assertEquals(NetworkClasses.GENERATED_CODE_VERSION, ThreeLayerNetNetwork.GENERATED_CODE_VERSION);
    }
}
