package org.binaryconnect.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One invalid spec per validation rule: the build fails with a message on the line of the offending value. */
class ValidationTest {

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(
                Arguments.of("NoLayers", "declares no layers", "@Network("),
                Arguments.of("ZeroUnits", "units must be > 0, got 0", "@Dense(units = 0)"),
                Arguments.of("DropoutOfOne", "dropout rate must be in [0, 1), got 1.0", "@Dropout(1.0)"),
                Arguments.of("OutputWidth", "has 12 units but the network declares classes = 10", "@Dense(units = 12)"),
                Arguments.of("NegativeH", "must be a number > 0 or \"Glorot\", got \"-1\"", "h = \"-1\""),
                Arguments.of("BadLearningRateScale", "wLrScale must be a number > 0 or \"Glorot\"", "wLrScale"),
                Arguments.of("EmptyInput", "input must have at least one dimension", "input = {}"),
                Arguments.of("NegativeInput", "input dimensions must be > 0, got [28, -28]", "input = {28, -28}"),
                Arguments.of("OneClass", "classes must be >= 2, got 1", "classes = 1"),
                Arguments.of("BatchNormAlpha", "batch norm alpha must be in (0, 1], got 0.0", "@BatchNorm(alpha = 0)"),
                Arguments.of("BatchNormEpsilon", "batch norm epsilon must be > 0", "@BatchNorm(epsilon = -1e-4)"),
                Arguments.of("AdamAndSgd", "@Adam and @Sgd are both present", "@Sgd(momentum = 0.9)"),
                Arguments.of("AdamBeta", "beta1 must be in [0, 1), got 1.0", "@Adam(beta1 = 1.0)"),
                Arguments.of("SgdMomentum", "momentum must be in [0, 1), got -0.5", "@Sgd(momentum = -0.5)"),
                Arguments.of("ZeroBatchSize", "batchSize must be >= 1, got 0", "@Training(batchSize = 0)"),
                Arguments.of("ZeroEpochs", "epochs must be >= 1, got 0", "@Training(epochs = 0)"),
                Arguments.of("NegativeLearningRate", "learningRateEnd must be > 0", "learningRateEnd = -3e-6"),
                Arguments.of("NegativeValidation", "validationSamples must be >= 0, got -1", "validationSamples = -1"),
                Arguments.of("BatchNormWithoutDense", "layer hidden needs @Dense(units = ...)", "Layer hidden;"),
                Arguments.of("WrongFieldType", "must be declared with type org.binaryconnect.dsl.Layer",
                        "Object output;"),
                Arguments.of("BinaryEvaluationWithoutBinaryLayers", "evaluation = BINARY needs binary layers",
                        "evaluation = EvaluationWeights.BINARY"),
                Arguments.of("ZeroEvaluationSamples", "evaluationSamples must be >= 1, got 0", "evaluationSamples = 0"),
                Arguments.of("TooManyWeights", "100000 x 100000 weights, more than 2^31", "@Dense(units = 100000)"),
                Arguments.of("NetworkOnInterface", "@Network must annotate a class", "public interface"),
                Arguments.of("ConvKernelTooLarge", "layer conv: a 5x5 kernel does not fit its 4x4 input (1x4x4) with"
                        + " padding VALID", "@Conv2D(filters = 8, kernel = 5"),
                Arguments.of("PoolLeavesNothing", "layer conv: a 4x4 max-pool over the convolution's 3x3 output"
                        + " leaves nothing", "@MaxPool(4)"),
                Arguments.of("ZeroConvStride", "stride must be > 0, got 0 (layer conv)", "stride = 0"),
                Arguments.of("NegativePoolStride", "max-pool stride must be > 0 (or 0 for the pool size), got -1",
                        "@MaxPool(value = 2, stride = -1)"),
                Arguments.of("ZeroFilters", "filters must be > 0, got 0 (layer conv)", "filters = 0"),
                Arguments.of("ZeroKernel", "kernel must be > 0, got 0 (layer conv)", "kernel = 0"),
                Arguments.of("ZeroPool", "max-pool size must be > 0, got 0 (layer conv)", "@MaxPool(0)"),
                Arguments.of("ConvAfterDense", "layer late: @Conv2D after the dense layer hidden",
                        "@Conv2D(filters = 8, kernel = 3)"),
                Arguments.of("ConvOnFlatInput", "@Conv2D needs an input of {height, width, channels}, but the"
                        + " network's input is [784]", "@Conv2D(filters = 8, kernel = 3)"),
                Arguments.of("MaxPoolOnDense", "@MaxPool belongs on a @Conv2D layer, but layer hidden is dense",
                        "@Dense(units = 100) @MaxPool(2)"),
                Arguments.of("ConvLast", "the last layer must be @Dense(units = 10)", "@Conv2D(filters = 10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void invalidSpecFailsOnTheOffendingLine(String spec, String message, String lineContaining) {
        Compilation compilation = GoldenSourceTest.compile("bad/" + spec + ".java");
        assertThat(compilation).failed();
        assertThat(compilation)
                .hadErrorContaining(message)
                .inFile(JavaFileObjects.forResource("bad/" + spec + ".java"))
                .onLineContaining(lineContaining);
        assertThat(compilation).hadErrorCount(1);
    }
}
