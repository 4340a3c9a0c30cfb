package org.binaryconnect.processor;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * The methods of the generated inference class that run a block of samples at once
 * (docs/decisions/binary-inference-kernels.md). Activations are kept input-major, {@code x[i][b]} for input i of
 * sample b, so that every inner loop runs over the samples of the block: a plain loop over a few arrays at the
 * same index, which the JIT turns into SIMD instructions. Every kernel performs, for each sample, exactly the float
 * operations of its one-sample counterpart in the same order, so a sample's scores do not depend on the block it
 * is computed in.
 */
final class BatchKernels {

    private static final TypeName FLOATS = TypeName.get(float[].class);
    private static final TypeName ROWS = TypeName.get(float[][].class);

    private BatchKernels() {
    }

    /** Adds the kernels the layers need, each taking the unit range {@code [from, to)} it computes. */
    static void addTo(TypeSpec.Builder type, boolean lookup, boolean setBits, boolean fullPrecision, boolean relu) {
        type.addMethod(transposed());
        if (lookup) {
            type.addMethod(lookupKernel());
            type.addMethod(addWord());
            type.addMethod(addBytes());
            type.addMethod(nibbleRows());
            type.addMethod(addTwice());
            type.addMethod(inputRow());
        }
        if (setBits) {
            type.addMethod(setBitsKernel());
        }
        if (fullPrecision) {
            type.addMethod(fullPrecisionKernel());
        }
        if (relu) {
            type.addMethod(reluRows());
        }
        type.addMethod(affine());
    }

    private static MethodSpec transposed() {
        return MethodSpec.methodBuilder("transposed")
                .addJavadoc("The features of samples {@code from .. from + size - 1} of {@code batch}, whose"
                        + " lengths were checked,\ninput-major: {@code x[i][b]} is feature i of sample {@code from +"
                        + " b}.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ROWS)
                .addParameter(ROWS, "batch")
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "size")
                .addStatement("float[][] x = new float[INPUT_SIZE][size]")
                .beginControlFlow("for (int b = 0; b < size; b++)")
                .addStatement("float[] features = batch[from + b]")
                .beginControlFlow("for (int i = 0; i < INPUT_SIZE; i++)")
                .addStatement("x[i][b] = features[i]")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return x")
                .build();
    }

    private static MethodSpec lookupKernel() {
        return MethodSpec.methodBuilder("binaryDenseByLookup")
                .addJavadoc("Units {@code from .. to - 1} of a wide binary dense layer for a block of samples:"
                        + " {@link\n#binaryDenseByLookup(float[], long[], int, float[], float[])} with the"
                        + " tables of every sample side by side.\nFor each block of 128 inputs it builds, per"
                        + " group of 4 inputs, the 16 rows of signed sums over the samples;\neach unit then adds,"
                        + " for each byte of its signs, the sum of the two rows its two halves select: a few\nSIMD"
                        + " additions for the whole block of samples.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(ROWS, "x")
                .addParameter(long[].class, "weights")
                .addParameter(TypeName.INT, "words")
                .addParameter(ROWS, "y")
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addStatement("int units = y.length")
                .addStatement("int size = x[0].length")
                .addStatement("float[] zero = new float[size]")
                .addComment("rows[16 * q + m]: the signed sums of group q of 4 inputs of the block for the signs m")
                .addStatement("float[][] rows = new float[32 * 16][size]")
                .beginControlFlow("for (int j = from; j < to; j++)")
                .addStatement("y[j] = new float[size]")
                .endControlFlow()
                .beginControlFlow("for (int first = 0; first < words; first += 2)")
                .addComment("the last block has one word when words is odd")
                .addStatement("int width = Math.min(2, words - first)")
                .beginControlFlow("for (int q = 0; q < 16 * width; q++)")
                .addStatement("nibbleRows(x, 64 * first + 4 * q, rows, q << 4, zero)")
                .endControlFlow()
                .addStatement("int block = first * units")
                .beginControlFlow("if (width == 2)")
                .beginControlFlow("for (int j = from; j < to; j++)")
                .addStatement("addWord(y[j], rows, 0, weights[block + 2 * j])")
                .addStatement("addWord(y[j], rows, 256, weights[block + 2 * j + 1])")
                .endControlFlow()
                .nextControlFlow("else")
                .beginControlFlow("for (int j = from; j < to; j++)")
                .addStatement("addWord(y[j], rows, 0, weights[block + j])")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    private static MethodSpec addWord() {
        return MethodSpec.methodBuilder("addWord")
                .addJavadoc("Adds to {@code acc} the 8 signed sums that the bytes of {@code word} select, in byte"
                        + " order, from the\n16 groups of rows at {@code at}.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(FLOATS, "acc")
                .addParameter(ROWS, "rows")
                .addParameter(TypeName.INT, "at")
                .addParameter(TypeName.LONG, "word")
                .beginControlFlow("for (int k = 0; k < 8; k += 2)")
                .addStatement("int group = at + (k << 5)")
                .addStatement("long bits = word >>> (k << 3)")
                .addStatement("addBytes(acc, rows[group + (int) (bits & 15)], rows[group + 16 + (int) (bits >>> 4 & 15)],"
                        + "\nrows[group + 32 + (int) (bits >>> 8 & 15)], rows[group + 48 + (int) (bits >>> 12 & 15)])")
                .endControlFlow()
                .build();
    }

    private static MethodSpec addBytes() {
        return MethodSpec.methodBuilder("addBytes")
                .addJavadoc("Adds two bytes' signed sums, each the sum of its low and its high half's: the"
                        + " one-sample kernel's\n{@code acc + sums[byte 0] + sums[byte 1]}.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(FLOATS, "acc")
                .addParameter(FLOATS, "low0")
                .addParameter(FLOATS, "high0")
                .addParameter(FLOATS, "low1")
                .addParameter(FLOATS, "high1")
                .beginControlFlow("for (int b = 0; b < acc.length; b++)")
                .addStatement("acc[b] = acc[b] + (low0[b] + high0[b]) + (low1[b] + high1[b])")
                .endControlFlow()
                .build();
    }

    private static MethodSpec nibbleRows() {
        return MethodSpec.methodBuilder("nibbleRows")
                .addJavadoc("Fills {@code rows[at + m]}, m = 0..15, with every sample's signed sums of the 4 inputs"
                        + " from {@code first}, as\n{@link #nibbleSums} computes them for one sample.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(ROWS, "x")
                .addParameter(TypeName.INT, "first")
                .addParameter(ROWS, "rows")
                .addParameter(TypeName.INT, "at")
                .addParameter(FLOATS, "zero")
                .addStatement("float[] x0 = inputRow(x, first, zero)")
                .addStatement("float[] x1 = inputRow(x, first + 1, zero)")
                .addStatement("float[] x2 = inputRow(x, first + 2, zero)")
                .addStatement("float[] x3 = inputRow(x, first + 3, zero)")
                .addStatement("float[] none = rows[at]")
                .beginControlFlow("for (int b = 0; b < none.length; b++)")
                .addStatement("none[b] = -((x0[b] + x1[b]) + (x2[b] + x3[b]))")
                .endControlFlow()
                .addStatement("addTwice(rows, at, 1, x0)")
                .addStatement("addTwice(rows, at, 2, x1)")
                .addStatement("addTwice(rows, at, 4, x2)")
                .addStatement("addTwice(rows, at, 8, x3)")
                .build();
    }

    private static MethodSpec addTwice() {
        return MethodSpec.methodBuilder("addTwice")
                .addJavadoc("{@code rows[at + half + m] = rows[at + m] + 2 * input} for m < half: the sums where"
                        + " the input's bit is set.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(ROWS, "rows")
                .addParameter(TypeName.INT, "at")
                .addParameter(TypeName.INT, "half")
                .addParameter(FLOATS, "input")
                .beginControlFlow("for (int m = 0; m < half; m++)")
                .addStatement("float[] without = rows[at + m]")
                .addStatement("float[] with = rows[at + half + m]")
                .beginControlFlow("for (int b = 0; b < with.length; b++)")
                .addStatement("with[b] = without[b] + 2f * input[b]")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    private static MethodSpec inputRow() {
        return MethodSpec.methodBuilder("inputRow")
                .addJavadoc("Input {@code i} of every sample, or zeros past the last input.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(FLOATS)
                .addParameter(ROWS, "x")
                .addParameter(TypeName.INT, "i")
                .addParameter(FLOATS, "zero")
                .addStatement("return i < x.length ? x[i] : zero")
                .build();
    }

    private static MethodSpec setBitsKernel() {
        return MethodSpec.methodBuilder("binaryDenseBySetBits")
                .addJavadoc("Units {@code from .. to - 1} of a binary dense layer of few units for a block of"
                        + " samples, as {@link\n#binaryDenseBySetBits(float[], long[], int, float[], float[])}"
                        + " computes them: each set bit adds its input row.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(ROWS, "x")
                .addParameter(long[].class, "weights")
                .addParameter(TypeName.INT, "words")
                .addParameter(ROWS, "y")
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addStatement("int size = x[0].length")
                .addStatement("float[] total = new float[size]")
                .beginControlFlow("for (float[] input : x)")
                .beginControlFlow("for (int b = 0; b < size; b++)")
                .addStatement("total[b] += input[b]")
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for (int j = from; j < to; j++)")
                .addStatement("float[] positive = new float[size]")
                .addStatement("int unit = j * words")
                .beginControlFlow("for (int w = 0; w < words; w++)")
                .addStatement("long bits = weights[unit + w]")
                .addStatement("int first = w << 6")
                .beginControlFlow("while (bits != 0)")
                .addStatement("float[] input = x[first + Long.numberOfTrailingZeros(bits)]")
                .beginControlFlow("for (int b = 0; b < size; b++)")
                .addStatement("positive[b] += input[b]")
                .endControlFlow()
                .addStatement("bits &= bits - 1")
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for (int b = 0; b < size; b++)")
                .addStatement("positive[b] = 2f * positive[b] - total[b]")
                .endControlFlow()
                .addStatement("y[j] = positive")
                .endControlFlow()
                .build();
    }

    private static MethodSpec fullPrecisionKernel() {
        return MethodSpec.methodBuilder("fullPrecisionDense")
                .addJavadoc("Units {@code from .. to - 1} of a full-precision dense layer for a block of samples, as"
                        + " {@link\n#fullPrecisionDense(float[], float[], float[], float[])} computes them.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(ROWS, "x")
                .addParameter(FLOATS, "weights")
                .addParameter(ROWS, "y")
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addStatement("int size = x[0].length")
                .beginControlFlow("for (int j = from; j < to; j++)")
                .addStatement("float[] acc = new float[size]")
                .addStatement("int unit = j * x.length")
                .beginControlFlow("for (int i = 0; i < x.length; i++)")
                .addStatement("float weight = weights[unit + i]")
                .addStatement("float[] input = x[i]")
                .beginControlFlow("for (int b = 0; b < size; b++)")
                .addStatement("acc[b] += weight * input[b]")
                .endControlFlow()
                .endControlFlow()
                .addStatement("y[j] = acc")
                .endControlFlow()
                .build();
    }

    private static MethodSpec affine() {
        return MethodSpec.methodBuilder("scaleAndShift")
                .addJavadoc("{@code y[j][b] = scale[j] * y[j][b] + shift[j]} for units {@code from .. to - 1}.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(ROWS, "y")
                .addParameter(FLOATS, "scale")
                .addParameter(FLOATS, "shift")
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .beginControlFlow("for (int j = from; j < to; j++)")
                .addStatement("float[] row = y[j]")
                .addStatement("float s = scale[j]")
                .addStatement("float t = shift[j]")
                .beginControlFlow("for (int b = 0; b < row.length; b++)")
                .addStatement("row[b] = s * row[b] + t")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    private static MethodSpec reluRows() {
        return MethodSpec.methodBuilder("relu")
                .addJavadoc("ReLU of units {@code from .. to - 1} of a block of samples.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(ROWS, "y")
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .beginControlFlow("for (int j = from; j < to; j++)")
                .addStatement("float[] row = y[j]")
                .beginControlFlow("for (int b = 0; b < row.length; b++)")
                .addStatement("row[b] = Math.max(row[b], 0f)")
                .endControlFlow()
                .endControlFlow()
                .build();
    }
}
