package org.binaryconnect.processor;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The methods of the generated inference class that compute conv layers (docs/packed-model-format.md). At each
 * output position the receptive field is gathered (zero outside the image); a binary layer then builds, for each
 * group of 4 inputs, the table of its 16 signed sums {@code sum_b (bit b ? +x_b : -x_b)} and adds one table entry
 * per 4 sign bits of every filter: additions only. The raw sums are max-pooled before the per-filter scale and
 * shift, which is exact whatever their sign (batch norm's gamma may be negative). The exported C's conv kernels
 * do the same float operations in the same order.
 *
 * <p>A layer's geometry arrives as the 14 ints of the format, in file order: channels, height, width, filters,
 * kernel, stride, top padding, left padding, output height, output width, pool size (0 for none), pool stride,
 * pooled height, pooled width.
 */
final class ConvInferenceKernels {

    private static final TypeName FLOATS = TypeName.get(float[].class);
    private static final String[] GEOMETRY = {"channels", "height", "width", "filters", "kernel", "stride", "padTop",
        "padLeft", "outHeight", "outWidth", "pool", "poolStride", "pooledHeight", "pooledWidth"};

    private ConvInferenceKernels() {
    }

    /** Adds the kernels the network's conv layers need. */
    static void addTo(TypeSpec.Builder type, boolean binary, boolean fullPrecision) {
        type.addMethod(receptiveField());
        type.addMethod(poolScaleShift());
        if (binary) {
            type.addMethod(binaryConv());
            type.addMethod(nibbleOffsets());
        }
        if (fullPrecision) {
            type.addMethod(fullPrecisionConv());
        }
    }

    /** Statements naming the geometry fields a method uses, e.g. {@code int kernel = g[4]}. */
    private static void unpack(MethodSpec.Builder method, String... names) {
        for (String name : names) {
            method.addStatement("int $N = g[$L]", name, List.of(GEOMETRY).indexOf(name));
        }
    }

    private static MethodSpec receptiveField() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("receptiveField")
                .addJavadoc("Fills {@code patch} with the receptive field of output {@code (oy, ox)}: its inputs in"
                        + " the order channel,\nkernel row, kernel column (the order of a filter's weights), 0"
                        + " outside the image, then 0 to the end.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(FLOATS, "x")
                .addParameter(int[].class, "g")
                .addParameter(TypeName.INT, "oy")
                .addParameter(TypeName.INT, "ox")
                .addParameter(FLOATS, "patch");
        unpack(method, "channels", "height", "width", "kernel", "stride", "padTop", "padLeft");
        return method
                .addStatement("int i = 0")
                .beginControlFlow("for (int c = 0; c < channels; c++)")
                .beginControlFlow("for (int ky = 0; ky < kernel; ky++)")
                .addStatement("int iy = oy * stride - padTop + ky")
                .beginControlFlow("for (int kx = 0; kx < kernel; kx++)")
                .addStatement("int ix = ox * stride - padLeft + kx")
                .addStatement("patch[i++] = iy >= 0 && iy < height && ix >= 0 && ix < width\n"
                        + "? x[(c * height + iy) * width + ix] : 0f")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("while (i < patch.length)")
                .addStatement("patch[i++] = 0f")
                .endControlFlow()
                .build();
    }

    private static MethodSpec poolScaleShift() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("poolScaleShift")
                .addJavadoc("{@code scale[f] * s + shift[f]} for each filter f, s the max of each pool window of"
                        + " the raw sums\n(filter-major, outHeight x outWidth each), or each raw sum without a pool."
                        + " Pooling before the affine\nmap is exact for either sign of scale; the output is"
                        + " filter-major, as the next layer reads it.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(FLOATS)
                .addParameter(FLOATS, "sums")
                .addParameter(int[].class, "g")
                .addParameter(FLOATS, "scale")
                .addParameter(FLOATS, "shift");
        unpack(method, "filters", "outHeight", "outWidth", "pool", "poolStride", "pooledHeight", "pooledWidth");
        return method
                .addStatement("int plane = outHeight * outWidth")
                .addStatement("int height = pool == 0 ? outHeight : pooledHeight")
                .addStatement("int width = pool == 0 ? outWidth : pooledWidth")
                .addStatement("int step = pool == 0 ? 1 : poolStride")
                .addStatement("int window = pool == 0 ? 1 : pool")
                .addStatement("float[] y = new float[filters * height * width]")
                .beginControlFlow("for (int f = 0; f < filters; f++)")
                .addStatement("int s = f * plane")
                .beginControlFlow("for (int py = 0; py < height; py++)")
                .beginControlFlow("for (int px = 0; px < width; px++)")
                .addStatement("float m = sums[s + py * step * outWidth + px * step]")
                .beginControlFlow("for (int dy = 0; dy < window; dy++)")
                .beginControlFlow("for (int dx = 0; dx < window; dx++)")
                .addStatement("float candidate = sums[s + (py * step + dy) * outWidth + px * step + dx]")
                .beginControlFlow("if (candidate > m)")
                .addStatement("m = candidate")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .addStatement("y[(f * height + py) * width + px] = scale[f] * m + shift[f]")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .addStatement("return y")
                .build();
    }

    private static MethodSpec binaryConv() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("binaryConv")
                .addJavadoc("A binary conv layer without multiplications. At each output position: the table of"
                        + " the 16 signed sums\nof each group of 4 inputs of the receptive field (all negative,"
                        + " then each set bit adds twice its input),\nthen per filter one table entry per 4 sign"
                        + " bits, at the offsets {@link #nibbleOffsets} precomputed.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(FLOATS)
                .addParameter(FLOATS, "x")
                .addParameter(int[].class, "g")
                .addParameter(int[].class, "offsets")
                .addParameter(FLOATS, "scale")
                .addParameter(FLOATS, "shift");
        unpack(method, "channels", "filters", "kernel", "outHeight", "outWidth");
        return method
                .addStatement("int groups = (channels * kernel * kernel + 3) / 4")
                .addStatement("int plane = outHeight * outWidth")
                .addStatement("float[] patch = new float[4 * groups]")
                .addStatement("float[] table = new float[16 * groups]")
                .addStatement("float[] sums = new float[filters * plane]")
                .beginControlFlow("for (int oy = 0; oy < outHeight; oy++)")
                .beginControlFlow("for (int ox = 0; ox < outWidth; ox++)")
                .addStatement("receptiveField(x, g, oy, ox, patch)")
                .beginControlFlow("for (int q = 0; q < groups; q++)")
                .addStatement("int p = 4 * q")
                .addStatement("int t = 16 * q")
                .addStatement("table[t] = -((patch[p] + patch[p + 1]) + (patch[p + 2] + patch[p + 3]))")
                .beginControlFlow("for (int bit = 0; bit < 4; bit++)")
                .addStatement("int half = 1 << bit")
                .addStatement("float twice = 2f * patch[p + bit]")
                .beginControlFlow("for (int m = 0; m < half; m++)")
                .addStatement("table[t + half + m] = table[t + m] + twice")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .addStatement("int position = oy * outWidth + ox")
                .addStatement("int f = 0")
                .addComment("four filters at a time: four independent chains of additions, each filter's in order")
                .beginControlFlow("for (; f + 4 <= filters; f += 4)")
                .addStatement("float s0 = 0f")
                .addStatement("float s1 = 0f")
                .addStatement("float s2 = 0f")
                .addStatement("float s3 = 0f")
                .addStatement("int row = f * groups")
                .beginControlFlow("for (int q = 0; q < groups; q++)")
                .addStatement("s0 += table[offsets[row + q]]")
                .addStatement("s1 += table[offsets[row + groups + q]]")
                .addStatement("s2 += table[offsets[row + 2 * groups + q]]")
                .addStatement("s3 += table[offsets[row + 3 * groups + q]]")
                .endControlFlow()
                .addStatement("sums[f * plane + position] = s0")
                .addStatement("sums[(f + 1) * plane + position] = s1")
                .addStatement("sums[(f + 2) * plane + position] = s2")
                .addStatement("sums[(f + 3) * plane + position] = s3")
                .endControlFlow()
                .beginControlFlow("for (; f < filters; f++)")
                .addStatement("float sum = 0f")
                .addStatement("int row = f * groups")
                .beginControlFlow("for (int q = 0; q < groups; q++)")
                .addStatement("sum += table[offsets[row + q]]")
                .endControlFlow()
                .addStatement("sums[f * plane + position] = sum")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .addStatement("return poolScaleShift(sums, g, scale, shift)")
                .build();
    }

    private static MethodSpec nibbleOffsets() {
        return MethodSpec.methodBuilder("nibbleOffsets")
                .addJavadoc("Each filter's sign bits as table offsets: for group q of 4 inputs, {@code 16 * q}"
                        + " plus the group's 4 bits,\n{@code (fanIn + 3) / 4} offsets per filter. A 64-bit word"
                        + " holds 16 whole groups.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(int[].class)
                .addParameter(long[].class, "bits")
                .addParameter(TypeName.INT, "filters")
                .addParameter(TypeName.INT, "fanIn")
                .addParameter(TypeName.INT, "words")
                .addStatement("int groups = (fanIn + 3) / 4")
                .addStatement("int[] offsets = new int[filters * groups]")
                .beginControlFlow("for (int f = 0; f < filters; f++)")
                .beginControlFlow("for (int q = 0; q < groups; q++)")
                .addStatement("offsets[f * groups + q] = 16 * q + (int) (bits[f * words + q / 16] >>> 4 * (q % 16) & 0xf)")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return offsets")
                .build();
    }

    private static MethodSpec fullPrecisionConv() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("fullPrecisionConv")
                .addJavadoc("A full-precision conv layer: per output position and filter, the float dot product of"
                        + " the filter's\nweights (channel, kernel row, kernel column) with the receptive field.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(FLOATS)
                .addParameter(FLOATS, "x")
                .addParameter(int[].class, "g")
                .addParameter(FLOATS, "weights")
                .addParameter(FLOATS, "scale")
                .addParameter(FLOATS, "shift");
        unpack(method, "channels", "filters", "kernel", "outHeight", "outWidth");
        return method
                .addStatement("int fanIn = channels * kernel * kernel")
                .addStatement("int plane = outHeight * outWidth")
                .addStatement("float[] patch = new float[(fanIn + 3) / 4 * 4]")
                .addStatement("float[] sums = new float[filters * plane]")
                .beginControlFlow("for (int oy = 0; oy < outHeight; oy++)")
                .beginControlFlow("for (int ox = 0; ox < outWidth; ox++)")
                .addStatement("receptiveField(x, g, oy, ox, patch)")
                .addStatement("int position = oy * outWidth + ox")
                .beginControlFlow("for (int f = 0; f < filters; f++)")
                .addStatement("float sum = 0f")
                .addStatement("int row = f * fanIn")
                .beginControlFlow("for (int i = 0; i < fanIn; i++)")
                .addStatement("sum += weights[row + i] * patch[i]")
                .endControlFlow()
                .addStatement("sums[f * plane + position] = sum")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .addStatement("return poolScaleShift(sums, g, scale, shift)")
                .build();
    }
}
