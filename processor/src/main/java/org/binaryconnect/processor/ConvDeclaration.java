package org.binaryconnect.processor;

import java.util.Optional;
import org.binaryconnect.dsl.Padding;

/**
 * Reads one {@code @Conv2D} layer (with its optional {@code @MaxPool}) against the shape that reaches it: validates
 * the values, reporting each problem with the sizes involved on the value that causes it, and infers the output
 * shape. The rest of the layer (batch norm, activation, dropout) is read as for dense layers.
 */
final class ConvDeclaration {

    /** A sample's shape between conv layers: channels, height, width. */
    record Shape(int channels, int height, int width) {

        long size() {
            return (long) channels * height * width;
        }

        @Override
        public String toString() {
            return channels + "x" + height + "x" + width;
        }
    }

    private ConvDeclaration() {
    }

    /**
     * The convolution {@code conv} declares over {@code input}, or empty after reporting why it cannot be built;
     * {@code pool} is the field's {@code @MaxPool}, if any.
     */
    static Optional<ConvModel> read(String layer, AnnotationValues conv, Optional<AnnotationValues> pool,
            Shape input, Diagnostics diagnostics) {
        int filters = conv.intValue("filters");
        int kernel = conv.intValue("kernel");
        int stride = conv.intValue("stride");
        Padding padding = conv.enumValue("padding", Padding.class);
        boolean valid = true;
        if (filters <= 0) {
            diagnostics.error(conv, "filters", "filters must be > 0, got " + filters + " (layer " + layer + ")");
            valid = false;
        }
        if (kernel <= 0) {
            diagnostics.error(conv, "kernel", "kernel must be > 0, got " + kernel + " (layer " + layer + ")");
            valid = false;
        }
        if (stride <= 0) {
            diagnostics.error(conv, "stride", "stride must be > 0, got " + stride + " (layer " + layer + ")");
            valid = false;
        }
        Optional<int[]> poolWindow = pool.flatMap(p -> readPoolWindow(layer, p, diagnostics));
        if (!valid || (pool.isPresent() && poolWindow.isEmpty())) {
            return Optional.empty();
        }
        int outHeight = ConvModel.outputSize(input.height(), kernel, stride, padding);
        int outWidth = ConvModel.outputSize(input.width(), kernel, stride, padding);
        if (outHeight <= 0 || outWidth <= 0) {
            diagnostics.error(conv, "kernel", "layer " + layer + ": a " + kernel + "x" + kernel + " kernel does not"
                    + " fit its " + input.height() + "x" + input.width() + " input (" + input + ") with padding VALID:"
                    + " use a kernel of at most " + Math.min(input.height(), input.width()) + " or padding SAME");
            return Optional.empty();
        }
        long weights = (long) filters * input.channels() * kernel * kernel;
        long outputs = (long) filters * outHeight * outWidth;
        if (weights > Integer.MAX_VALUE || outputs > Integer.MAX_VALUE || input.size() * kernel * kernel
                > Integer.MAX_VALUE) {
            diagnostics.error(conv, "filters", "layer " + layer + " would have " + weights + " weights and "
                    + outputs + " outputs per sample (" + filters + " filters of " + kernel + "x" + kernel + " over "
                    + input + "), more than 2^31: use fewer filters");
            return Optional.empty();
        }
        Optional<ConvModel.PoolModel> pooled = Optional.empty();
        if (poolWindow.isPresent()) {
            int size = poolWindow.get()[0];
            int poolStride = poolWindow.get()[1];
            int poolHeight = ConvModel.PoolModel.outputSize(outHeight, size, poolStride);
            int poolWidth = ConvModel.PoolModel.outputSize(outWidth, size, poolStride);
            if (poolHeight <= 0 || poolWidth <= 0) {
                diagnostics.error(pool.get(), "value", "layer " + layer + ": a " + size + "x" + size + " max-pool"
                        + " over the convolution's " + outHeight + "x" + outWidth + " output leaves nothing: use a"
                        + " pool of at most " + Math.min(outHeight, outWidth));
                return Optional.empty();
            }
            pooled = Optional.of(new ConvModel.PoolModel(size, poolStride, poolHeight, poolWidth));
        }
        return Optional.of(new ConvModel(input.channels(), input.height(), input.width(), filters, kernel, stride,
                padding, outHeight, outWidth, pooled));
    }

    /** {size, stride} of a valid {@code @MaxPool}, or empty after reporting. */
    private static Optional<int[]> readPoolWindow(String layer, AnnotationValues pool, Diagnostics diagnostics) {
        int size = pool.intValue("value");
        int stride = pool.intValue("stride");
        boolean valid = true;
        if (size <= 0) {
            diagnostics.error(pool, "value", "max-pool size must be > 0, got " + size + " (layer " + layer + ")");
            valid = false;
        }
        if (stride < 0) {
            diagnostics.error(pool, "stride", "max-pool stride must be > 0 (or 0 for the pool size), got " + stride
                    + " (layer " + layer + ")");
            valid = false;
        }
        return valid ? Optional.of(new int[] {size, stride == 0 ? size : stride}) : Optional.empty();
    }

    /** The sample shape a declared input gives convolutions: {h, w, c} or {h, w}; empty for flat inputs. */
    static Optional<Shape> inputShape(int[] input) {
        if (input.length == 3) {
            return Optional.of(new Shape(input[2], input[0], input[1]));
        }
        if (input.length == 2) {
            return Optional.of(new Shape(1, input[0], input[1]));
        }
        return Optional.empty();
    }
}
