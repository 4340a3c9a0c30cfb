package org.binaryconnect.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlopCountTest {

    private static final List<LayerShape> MLP_1024 = List.of(LayerShape.dense(784, 1024),
            LayerShape.dense(1024, 1024), LayerShape.dense(1024, 1024), LayerShape.dense(1024, 10));

    @Test
    void countsForwardWeightGradientAndAllButTheFirstInputGradient() {
        long products = 784L * 1024 + 2L * 1024 * 1024 + 1024L * 10;
        assertEquals(2 * products, FlopCount.forward(MLP_1024));
        assertEquals(2 * products + 2 * (products - 784L * 1024), FlopCount.backward(MLP_1024));
        assertEquals(15_855_616L, FlopCount.perTrainingSample(MLP_1024));
    }

    @Test
    void oneLayerHasNoInputGradient() {
        assertEquals(2 * 2 * 784L * 10, FlopCount.perTrainingSample(List.of(LayerShape.dense(784, 10))));
    }

    @Test
    void theStepsProductsAddUpToTheCountedFlops() {
        Map<GemmThroughput.Product, GemmThroughput.Uses> products = GemmThroughput.trainingProducts(100, MLP_1024);
        long flops = products.entrySet().stream()
                .mapToLong(entry -> entry.getKey().flops() * entry.getValue().count())
                .sum();
        assertEquals(100 * FlopCount.perTrainingSample(MLP_1024), flops);
        // fwd, dW for each of 4 layers and dX for 3, with the two identical hidden layers sharing shapes.
        assertEquals(8, products.size());
    }

    @Test
    void convolutionsCountTheirPositionsAndRunOncePerSample() {
        // the seed CNN: 25 x 32 at 784 positions, 800 x 64 at 196, then 3136 x 1024 and 1024 x 10
        long conv1 = 2L * 25 * 32 * 784;
        long conv2 = 2L * 800 * 64 * 196;
        long dense = 2L * 3136 * 1024 + 2L * 1024 * 10;
        assertEquals(conv1 + conv2 + dense, FlopCount.forward(SeedCnn.SHAPES));
        assertEquals(2 * (conv1 + conv2 + dense) + conv2 + dense, FlopCount.perTrainingSample(SeedCnn.SHAPES));

        Map<GemmThroughput.Product, GemmThroughput.Uses> products = GemmThroughput.trainingProducts(100,
                SeedCnn.SHAPES);
        long flops = products.entrySet().stream()
                .mapToLong(entry -> entry.getKey().flops() * entry.getValue().count())
                .sum();
        assertEquals(100 * FlopCount.perTrainingSample(SeedCnn.SHAPES), flops);
        assertEquals(100, products.get(new GemmThroughput.Product(64, 800, 196, false, false)).count(),
                "conv2 forward: W [64x800] times the sample's columns [800x196], once per sample");
    }
}
