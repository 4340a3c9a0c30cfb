package org.binaryconnect.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlopCountTest {

    private static final List<DenseShape> MLP_1024 = List.of(new DenseShape(784, 1024), new DenseShape(1024, 1024),
            new DenseShape(1024, 1024), new DenseShape(1024, 10));

    @Test
    void countsForwardWeightGradientAndAllButTheFirstInputGradient() {
        long products = 784L * 1024 + 2L * 1024 * 1024 + 1024L * 10;
        assertEquals(2 * products, FlopCount.forward(MLP_1024));
        assertEquals(2 * products + 2 * (products - 784L * 1024), FlopCount.backward(MLP_1024));
        assertEquals(15_855_616L, FlopCount.perTrainingSample(MLP_1024));
    }

    @Test
    void oneLayerHasNoInputGradient() {
        assertEquals(2 * 2 * 784L * 10, FlopCount.perTrainingSample(List.of(new DenseShape(784, 10))));
    }

    @Test
    void theStepsProductsAddUpToTheCountedFlops() {
        Map<GemmThroughput.Product, List<String>> products = GemmThroughput.trainingProducts(100, MLP_1024);
        long flops = products.entrySet().stream()
                .mapToLong(entry -> entry.getKey().flops() * entry.getValue().size())
                .sum();
        assertEquals(100 * FlopCount.perTrainingSample(MLP_1024), flops);
        // fwd, dW for each of 4 layers and dX for 3, with the two identical hidden layers sharing shapes.
        assertEquals(8, products.size());
    }
}
