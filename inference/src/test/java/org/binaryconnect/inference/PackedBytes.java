package org.binaryconnect.inference;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;

/** Writes packed models field by field, as docs/packed-model-format.md lays them out, for the reader's tests. */
final class PackedBytes {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    /** The header, then an input pipeline of the default scaling alone and no class names. */
    PackedBytes header(String name, String fingerprint, int inputSize, int classes, int layers) {
        return headerOnly(name, fingerprint, inputSize, classes, layers).floats(-1f, 1f).raw(0).ints(0);
    }

    PackedBytes headerOnly(String name, String fingerprint, int inputSize, int classes, int layers) {
        return run(() -> {
            out.writeInt(PackedModelFormat.MAGIC);
            out.writeShort(PackedModelFormat.FORMAT_VERSION);
            out.writeUTF(name);
            out.writeUTF(fingerprint);
            out.writeInt(inputSize);
            out.writeInt(classes);
            out.writeInt(layers);
        });
    }

    PackedBytes dense(int kind, int inputs, int units, int activation) {
        return run(() -> {
            out.writeByte(kind);
            out.writeInt(inputs);
            out.writeInt(units);
            out.writeByte(activation);
            out.writeFloat(1f);
        });
    }

    PackedBytes conv(int kind, int[] geometry, int activation) {
        return run(() -> {
            out.writeByte(kind);
            for (int value : geometry) {
                out.writeInt(value);
            }
            out.writeByte(activation);
            out.writeFloat(1f);
        });
    }

    /** Each unit's signs as a row of bytes, bit i % 8 of byte i / 8 set where {@code signs[j][i]}. */
    PackedBytes signs(boolean[][] signs) {
        return run(() -> {
            for (boolean[] row : signs) {
                byte[] packed = new byte[(row.length + 7) / 8];
                for (int i = 0; i < row.length; i++) {
                    if (row[i]) {
                        packed[i / 8] |= (byte) (1 << i % 8);
                    }
                }
                out.write(packed);
            }
        });
    }

    PackedBytes floats(float... values) {
        return run(() -> {
            for (float value : values) {
                out.writeFloat(value);
            }
        });
    }

    /** f24 values: the high three bytes of each float. */
    PackedBytes f24s(float... values) {
        return run(() -> {
            for (float value : values) {
                int bits = Float.floatToRawIntBits(value);
                out.writeByte(bits >>> 24);
                out.writeByte(bits >>> 16);
                out.writeByte(bits >>> 8);
            }
        });
    }

    PackedBytes ints(int... values) {
        return run(() -> {
            for (int value : values) {
                out.writeInt(value);
            }
        });
    }

    PackedBytes doubles(double... values) {
        return run(() -> {
            for (double value : values) {
                out.writeDouble(value);
            }
        });
    }

    PackedBytes utf(String... values) {
        return run(() -> {
            for (String value : values) {
                out.writeUTF(value);
            }
        });
    }

    PackedBytes raw(int... values) {
        for (int value : values) {
            bytes.write(value);
        }
        return this;
    }

    /** Everything so far, then its CRC32. */
    byte[] withChecksum() {
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        run(() -> out.writeLong(crc.getValue()));
        return bytes.toByteArray();
    }

    byte[] withoutChecksum() {
        return bytes.toByteArray();
    }

    private interface Write {
        void run() throws IOException;
    }

    private PackedBytes run(Write write) {
        try {
            write.run();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
