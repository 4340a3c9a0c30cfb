package org.binaryconnect.runtime.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.nn.ConvShape;
import org.binaryconnect.runtime.nn.PoolShape;

/**
 * What each layer of a network costs, as Larq's {@code models.summary} shows it: its output shape, its parameters
 * stored as one bit and as floats, its size in the packed model against float32 weights, and its
 * multiply-accumulates per sample with binary and with float weights. Computed from the declaration alone.
 *
 * @param layers one row a layer, in order
 * @param fileBytes what the packed file holds besides its layers: magic, version, names, sizes and checksum
 */
public record NetworkSummary(String network, List<Row> layers, long fileBytes) {

    /**
     * One layer's figures.
     *
     * @param binaryParameters weights stored as one bit (the weights of a binary layer)
     * @param floatParameters values the trained model stores as floats: full-precision weights, biases, and batch
     *     norm's gamma, beta, running mean and running std
     * @param packedBytes the layer in the packed model (the signs a bit each, the folded scale and shift, the
     *     layer's header), as {@code docs/packed-model-format.md} lays it out
     * @param float32Bytes its weights as float32
     * @param binaryMacs multiply-accumulates per sample with binary weights, which inference does as additions
     * @param floatMacs multiply-accumulates per sample with float weights
     */
    public record Row(String name, String kind, String outputShape, long binaryParameters, long floatParameters,
            long packedBytes, long float32Bytes, long binaryMacs, long floatMacs) {
    }

    public NetworkSummary {
        layers = List.copyOf(layers);
    }

    public static NetworkSummary of(NetworkDescription description) {
        List<Row> rows = new ArrayList<>();
        for (LayerDescription layer : description.layers()) {
            rows.add(row(layer));
        }
        // magic, version, the name and fingerprint as DataOutputStream.writeUTF writes them (ASCII: 2 + length),
        // input size, classes, layer count, the input pipeline of a plain byte scaling (low, high, steps) and no
        // class names, then the checksum; fitted values (GCN, centering, ZCA) and class names come on top
        long fileBytes = 4 + 2 + 2 + utfLength(description.name()) + 2 + utfLength(description.fingerprint())
                + 3 * 4 + (4 + 4 + 1) + 4 + 8;
        return new NetworkSummary(description.name(), rows, fileBytes);
    }

    private static Row row(LayerDescription layer) {
        long units = layer.isConv() ? layer.convolution().orElseThrow().filters() : layer.units();
        long fanIn = layer.isConv() ? fanIn(layer.convolution().orElseThrow()) : layer.inputs();
        long weights = units * fanIn;
        long perUnitFloats = 1 + (layer.batchNorm() ? 4 : 0);
        long macs;
        String shape;
        String kind;
        long header;
        if (layer.isConv()) {
            ConvShape conv = layer.convolution().orElseThrow();
            macs = weights * conv.outHeight() * conv.outWidth();
            PoolShape pool = layer.pool().orElse(null);
            shape = conv.filters() + " x " + (pool == null ? conv.outHeight() + " x " + conv.outWidth()
                    : pool.outHeight() + " x " + pool.outWidth());
            kind = "conv " + conv.kernel() + "x" + conv.kernel() + (pool == null ? "" : ", pool " + pool.size());
            header = 1 + 14 * 4 + 1 + 4;
        } else {
            macs = weights;
            shape = Long.toString(units);
            kind = "dense";
            header = 1 + 2 * 4 + 1 + 4;
        }
        long weightBytes = layer.binary() ? units * ((fanIn + 7) / 8) : weights * 4;
        // scale and shift: three bytes each per unit (f24)
        long packed = header + weightBytes + units * 6;
        return new Row(layer.name(), (layer.binary() ? "binary " : "float ") + kind, shape,
                layer.binary() ? weights : 0, (layer.binary() ? 0 : weights) + units * perUnitFloats, packed,
                weights * 4, layer.binary() ? macs : 0, layer.binary() ? 0 : macs);
    }

    private static long utfLength(String text) {
        return text.codePoints().mapToLong(c -> c >= 1 && c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 6).sum();
    }

    /** The size of the whole packed model file. */
    public long packedFileBytes() {
        return fileBytes + sum(Row::packedBytes);
    }

    private static long fanIn(ConvShape conv) {
        return (long) conv.channels() * conv.kernel() * conv.kernel();
    }

    /** The figures summed over the layers, as a row named {@code total}. */
    public Row total() {
        return new Row("total", "", "", sum(Row::binaryParameters), sum(Row::floatParameters), sum(Row::packedBytes),
                sum(Row::float32Bytes), sum(Row::binaryMacs), sum(Row::floatMacs));
    }

    /** The share of the weights that are binary, in [0, 1]. */
    public double binaryParameterShare() {
        Row total = total();
        return share(total.binaryParameters(), total.binaryParameters() + total.floatParameters());
    }

    /** The share of the multiply-accumulates done with binary weights, in [0, 1]. */
    public double binaryMacShare() {
        Row total = total();
        return share(total.binaryMacs(), total.binaryMacs() + total.floatMacs());
    }

    /** The table's column headings, as the text table and report.html show them. */
    static final List<String> COLUMNS = List.of("layer", "kind", "output", "binary params", "float params",
            "packed bytes", "float32 bytes", "binary MACs", "float MACs");

    /** The table as text, one line a layer, then the totals and the binarized shares. */
    public List<String> lines() {
        List<String[]> cells = new ArrayList<>();
        cells.add(COLUMNS.toArray(String[]::new));
        for (Row row : layers) {
            cells.add(cells(row));
        }
        cells.add(cells(total()));
        int[] widths = new int[cells.get(0).length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                String format = i < 3 ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
                text.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, format, line[i]));
            }
            lines.add(text.toString().stripTrailing());
        }
        lines.add(shares());
        return lines;
    }

    /** The line under the table: the binarized shares and the packed model's size against float32 weights. */
    String shares() {
        return String.format(Locale.ROOT, "binarized: %.2f %% of the parameters, %.2f %% of the multiply-accumulates;"
                + " packed model %s bytes, %.1fx smaller than float32 weights", 100 * binaryParameterShare(),
                100 * binaryMacShare(), grouped(packedFileBytes()), compression());
    }

    /** How many times the float32 weights outweigh the whole packed model file. */
    public double compression() {
        return (double) total().float32Bytes() / packedFileBytes();
    }

    /** One row's cells under {@link #COLUMNS}, the numbers grouped by thousands. */
    static String[] cells(Row row) {
        return new String[] {row.name(), row.kind(), row.outputShape(), grouped(row.binaryParameters()),
            grouped(row.floatParameters()), grouped(row.packedBytes()), grouped(row.float32Bytes()),
            grouped(row.binaryMacs()), grouped(row.floatMacs())};
    }

    private long sum(java.util.function.ToLongFunction<Row> figure) {
        return layers.stream().mapToLong(figure).sum();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
