package org.binaryconnect.runtime.export;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.runtime.train.LayerDescription;
import org.binaryconnect.runtime.train.NetworkDescription;
import org.junit.jupiter.api.Test;

/** The packed export covers dense networks: a convolutional one is refused with a sentence saying so. */
class ConvolutionExportTest {

    @Test
    void refusesAConvolutionalNetworkWithAClearMessage() {
        FixedStateNetwork hand = ExportNetworks.hand();
        List<LayerDescription> layers = new ArrayList<>(hand.description().layers());
        LayerDescription first = layers.get(0);
        layers.set(0, new LayerDescription(first.name(), first.inputs(), first.units(), first.binary(), first.h(),
                first.batchNorm(), first.batchNormEpsilon(), first.activation(), first.dropout(),
                first.name() + ": conv 1x7x10 -> 3x7x10 (3x3 stride 1 SAME), binary H=1.0"));
        NetworkDescription d = hand.description();
        NetworkDescription conv = new NetworkDescription(d.name(), d.specClass(), d.inputShape(), d.classes(),
                d.batchSize(), d.binarization(), d.loss(), d.evaluation(), d.evaluationSamples(), d.optimizer(),
                d.training(), layers);

        ExportException e = assertThrows(ExportException.class,
                () -> PackedModel.of(new FixedStateNetwork(conv, hand.state())));

        assertTrue(e.getMessage().startsWith("Hand has convolution layers (first)"), e.getMessage());
    }
}
