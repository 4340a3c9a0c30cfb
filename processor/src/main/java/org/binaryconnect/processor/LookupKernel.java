package org.binaryconnect.processor;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * The methods of the generated inference class that compute a wide binary dense layer with lookup tables
 * (docs/decisions/binary-inference-kernels.md). The inputs are taken a block of 128 at a time, two words of every
 * unit's sign bits: for each group of 8 inputs a table of all 256 signed sums {@code sum_b (bit b ? +x_b : -x_b)},
 * then each unit adds one table entry per byte of its signs. A block's 16 tables (16 KB) stay in the L1 cache while
 * every unit passes over them, and the units' words are stored block by block so that they stream in order.
 */
final class LookupKernel {

    private static final TypeName FLOATS = TypeName.get(float[].class);

    private LookupKernel() {
    }

    static void addTo(TypeSpec.Builder type) {
        type.addMethod(kernel());
        type.addMethod(addLookups());
        type.addMethod(signedSums());
        type.addMethod(nibbleSums());
        type.addMethod(input());
        type.addMethod(blockMajor());
    }

    private static MethodSpec kernel() {
        return MethodSpec.methodBuilder("binaryDenseByLookup")
                .addJavadoc("A binary dense layer of many units, without multiplications. For each block of 128"
                        + " inputs it builds the\n16 tables of 256 signed sums of their groups of 8 inputs, then"
                        + " adds to every unit the 16 entries its\n16 bytes of signs select: one addition where"
                        + " selecting a sign per input takes 8.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(FLOATS)
                .addParameter(FLOATS, "x")
                .addParameter(long[].class, "weights")
                .addParameter(TypeName.INT, "words")
                .addParameter(FLOATS, "scale")
                .addParameter(FLOATS, "shift")
                .addStatement("int units = scale.length")
                .addStatement("float[] acc = new float[units]")
                .addComment("sums[g * 256 + m]: the signed sum of group g of the block for the signs m")
                .addStatement("float[] sums = new float[16 * 256]")
                .addStatement("float[] low = new float[16]")
                .addStatement("float[] high = new float[16]")
                .beginControlFlow("for (int first = 0; first < words; first += 2)")
                .addComment("the last block has one word when words is odd")
                .addStatement("int width = Math.min(2, words - first)")
                .beginControlFlow("for (int g = 0; g < 8 * width; g++)")
                .addStatement("signedSums(x, 64 * first + 8 * g, sums, g << 8, low, high)")
                .endControlFlow()
                .addStatement("int block = first * units")
                .beginControlFlow("if (width == 2)")
                .beginControlFlow("for (int j = 0; j < units; j++)")
                .addStatement("acc[j] = addLookups(addLookups(acc[j], sums, 0, weights[block + 2 * j]), sums, 2048,"
                        + " weights[block + 2 * j + 1])")
                .endControlFlow()
                .nextControlFlow("else")
                .beginControlFlow("for (int j = 0; j < units; j++)")
                .addStatement("acc[j] = addLookups(acc[j], sums, 0, weights[block + j])")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for (int j = 0; j < units; j++)")
                .addStatement("acc[j] = scale[j] * acc[j] + shift[j]")
                .endControlFlow()
                .addStatement("return acc")
                .build();
    }

    private static MethodSpec addLookups() {
        return MethodSpec.methodBuilder("addLookups")
                .addJavadoc("{@code acc} plus the 8 table entries that the 8 bytes of {@code word} select from the 8"
                        + " tables at\n{@code table}, added one after the other in byte order: the order the batch"
                        + " kernel adds them in too.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.FLOAT)
                .addParameter(TypeName.FLOAT, "acc")
                .addParameter(FLOATS, "sums")
                .addParameter(TypeName.INT, "table")
                .addParameter(TypeName.LONG, "word")
                .addStatement("return acc + sums[table + (int) (word & 0xff)]"
                        + " + sums[table + 256 + (int) (word >>> 8 & 0xff)]\n"
                        + "+ sums[table + 512 + (int) (word >>> 16 & 0xff)]"
                        + " + sums[table + 768 + (int) (word >>> 24 & 0xff)]\n"
                        + "+ sums[table + 1024 + (int) (word >>> 32 & 0xff)]"
                        + " + sums[table + 1280 + (int) (word >>> 40 & 0xff)]\n"
                        + "+ sums[table + 1536 + (int) (word >>> 48 & 0xff)]"
                        + " + sums[table + 1792 + (int) (word >>> 56)]")
                .build();
    }

    private static MethodSpec signedSums() {
        return MethodSpec.methodBuilder("signedSums")
                .addJavadoc("Fills {@code sums[at + m]}, m = 0..255, with the sum over b = 0..7 of"
                        + " {@code x[first + b]} where bit b of m is\nset and {@code -x[first + b]} where it is"
                        + " not: every entry is one addition of a sum of the low 4 inputs and\none of the high 4,"
                        + " 16 of each.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(FLOATS, "x")
                .addParameter(TypeName.INT, "first")
                .addParameter(FLOATS, "sums")
                .addParameter(TypeName.INT, "at")
                .addParameter(FLOATS, "low")
                .addParameter(FLOATS, "high")
                .addStatement("nibbleSums(x, first, low)")
                .addStatement("nibbleSums(x, first + 4, high)")
                .beginControlFlow("for (int h = 0; h < 16; h++)")
                .addStatement("float highSum = high[h]")
                .addStatement("int row = at + (h << 4)")
                .beginControlFlow("for (int l = 0; l < 16; l++)")
                .addStatement("sums[row + l] = low[l] + highSum")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    private static MethodSpec nibbleSums() {
        return MethodSpec.methodBuilder("nibbleSums")
                .addJavadoc("The 16 signed sums of the 4 inputs from {@code first}: all negative, then each"
                        + " set bit adds twice its input.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(FLOATS, "x")
                .addParameter(TypeName.INT, "first")
                .addParameter(FLOATS, "sums")
                .addStatement("sums[0] = -((input(x, first) + input(x, first + 1))"
                        + " + (input(x, first + 2) + input(x, first + 3)))")
                .beginControlFlow("for (int bit = 0; bit < 4; bit++)")
                .addStatement("int half = 1 << bit")
                .addStatement("float twice = 2f * input(x, first + bit)")
                .beginControlFlow("for (int m = 0; m < half; m++)")
                .addStatement("sums[half + m] = sums[m] + twice")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    private static MethodSpec input() {
        return MethodSpec.methodBuilder("input")
                .addJavadoc("Input {@code i}, or 0 past the last input: the padding of a unit's last word adds nothing.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.FLOAT)
                .addParameter(FLOATS, "x")
                .addParameter(TypeName.INT, "i")
                .addStatement("return i < x.length ? x[i] : 0f")
                .build();
    }

    private static MethodSpec blockMajor() {
        return MethodSpec.methodBuilder("blockMajor")
                .addJavadoc("Reorders unit-major sign words into the order {@link #binaryDenseByLookup} reads"
                        + " them: block k holds, unit\nafter unit, words 2k and 2k + 1 of each (only 2k in a last"
                        + " block of one word).\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(long[].class)
                .addParameter(long[].class, "unitMajor")
                .addParameter(TypeName.INT, "units")
                .addParameter(TypeName.INT, "words")
                .addStatement("long[] blocked = new long[unitMajor.length]")
                .beginControlFlow("for (int first = 0; first < words; first += 2)")
                .addStatement("int width = Math.min(2, words - first)")
                .beginControlFlow("for (int j = 0; j < units; j++)")
                .beginControlFlow("for (int k = 0; k < width; k++)")
                .addStatement("blocked[first * units + j * width + k] = unitMajor[j * words + first + k]")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .addStatement("return blocked")
                .build();
    }
}
