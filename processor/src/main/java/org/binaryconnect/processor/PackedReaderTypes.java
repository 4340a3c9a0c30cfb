package org.binaryconnect.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import javax.lang.model.element.Modifier;

/**
 * The nested types every generated inference class carries to read docs/packed-model-format.md: its exception
 * and a reader that checks each value against what the network declares as it goes. They are the same for every
 * network but must be generated, because the inference class may depend on nothing but the JDK.
 */
final class PackedReaderTypes {

    static final String EXCEPTION = "InvalidModelException";
    static final String READER = "PackedReader";

    /** Bulk reads go through a buffer of this many bytes, so a large layer is never copied whole. */
    private static final int CHUNK_BYTES = 1 << 16;

    private final ClassName exception;
    private final ClassName reader;

    PackedReaderTypes(ClassName inferenceClass) {
        this.exception = inferenceClass.nestedClass(EXCEPTION);
        this.reader = inferenceClass.nestedClass(READER);
    }

    ClassName exception() {
        return exception;
    }

    ClassName reader() {
        return reader;
    }

    TypeSpec exceptionType() {
        return TypeSpec.classBuilder(EXCEPTION)
                .addJavadoc("A packed model this class cannot use: not the format, another version, truncated,"
                        + " corrupt, or trained\nfor a different network. The message says which.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(IOException.class)
                .addField(FieldSpec.builder(TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL).initializer("1L").build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "message")
                        .addStatement("super(message)")
                        .build())
                .build();
    }

    /** The reader; {@code conv} adds what reading conv layers takes. */
    TypeSpec readerType(boolean conv) {
        TypeSpec.Builder type = TypeSpec.classBuilder(READER)
                .addJavadoc("Reads the packed format in order, checksumming every byte, and remembers what it is"
                        + " reading so that\na stream that ends early is reported by the section it ends in.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addField(FieldSpec.builder(CRC32.class, "crc", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new $T()", CRC32.class).build())
                .addField(DataInputStream.class, "data", Modifier.PRIVATE, Modifier.FINAL)
                .addField(FieldSpec.builder(String.class, "section", Modifier.PRIVATE).initializer("$S", "magic")
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(InputStream.class, "in")
                        .addStatement("data = new $T(new $T(new $T(in), crc))", DataInputStream.class,
                                CheckedInputStream.class, BufferedInputStream.class)
                        .build())
                .addMethod(header())
                .addMethod(layer())
                .addMethod(floats())
                .addMethod(bits())
                .addMethod(f24s())
                .addMethod(finish())
                .addMethod(truncated())
                .addMethod(readInt())
                .addMethod(readUtf())
                .addMethod(expect())
                .addMethod(checkFinite())
                .addMethod(describe())
                .addMethod(chunk());
        if (conv) {
            type.addMethod(convHeader()).addMethod(describeConv());
        }
        return type.build();
    }

    private MethodSpec convHeader() {
        return method("conv", TypeName.VOID)
                .addJavadoc("Reads a conv layer's header and checks it is the declared layer: kind, the 14 geometry"
                        + " fields and the\nactivation; H is folded into scale.\n")
                .addParameter(String.class, "name")
                .addParameter(TypeName.INT, "kind")
                .addParameter(int[].class, "geometry")
                .addParameter(TypeName.INT, "activation")
                .addStatement("section = $S + name + $S", "layer ", " header")
                .addStatement("int foundKind = data.readUnsignedByte()")
                .beginControlFlow("if (foundKind != kind)")
                .addStatement("throw new $T($S + name + $S\n+ describeConv(kind, geometry, activation) + $S"
                        + " + describe(foundKind, 0, 0, 0))", exception, "packed model's layer ",
                        " does not match the network: expected ", ", found a layer of kind ")
                .endControlFlow()
                .addStatement("int[] found = new int[geometry.length]")
                .beginControlFlow("for (int i = 0; i < found.length; i++)")
                .addStatement("found[i] = data.readInt()")
                .endControlFlow()
                .addStatement("int foundActivation = data.readUnsignedByte()")
                .addStatement("data.readFloat()")
                .beginControlFlow("if (!$T.equals(found, geometry) || foundActivation != activation)", Arrays.class)
                .addStatement("throw new $T($S + name + $S\n+ describeConv(kind, geometry, activation)\n+ $S"
                        + " + describeConv(foundKind, found, foundActivation))", exception,
                        "packed model's layer ", " does not match the network: expected ", ", found ")
                .endControlFlow()
                .build();
    }

    private static MethodSpec describeConv() {
        return MethodSpec.methodBuilder("describeConv")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(TypeName.INT, "kind")
                .addParameter(int[].class, "g")
                .addParameter(TypeName.INT, "activation")
                .addStatement("String kindName = kind == KIND_BINARY_CONV ? $S\n: kind == KIND_FULL_PRECISION_CONV"
                        + " ? $S : $S + kind", "binary conv", "full-precision conv", "unknown kind ")
                .addStatement("String activationName = activation == ACTIVATION_IDENTITY ? $S\n"
                        + ": activation == ACTIVATION_RELU ? $S : $S + activation", "identity", "relu",
                        "unknown activation ")
                .addStatement("String pool = g[10] == 0 ? $S\n: $S + g[10] + $S + g[11] + $S + g[12] + $S + g[13]", "",
                        ", max-pool ", " stride ", " -> ", "x")
                .addStatement("return kindName + $S + g[0] + $S + g[1] + $S + g[2] + $S + g[3] + $S + g[8] + $S + g[9]"
                        + "\n+ $S + g[4] + $S + g[4] + $S + g[5] + $S + g[6] + $S + g[7] + $S + pool + $S"
                        + " + activationName", " ", "x", "x", " -> ", "x", "x", " (", "x", " stride ", ", padding ",
                        " top ", " left)", ", ")
                .build();
    }

    private MethodSpec.Builder method(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name).returns(returns).addException(IOException.class);
    }

    private MethodSpec header() {
        return method("header", TypeName.VOID)
                .addParameter(String.class, "name")
                .addParameter(String.class, "fingerprint")
                .addParameter(TypeName.INT, "inputSize")
                .addParameter(TypeName.INT, "classes")
                .addParameter(TypeName.INT, "layers")
                .addStatement("section = $S", "magic")
                .addStatement("int magic = data.readInt()")
                .beginControlFlow("if (magic != MAGIC)")
                .addStatement("throw new $T($T.format(\n$S, magic, MAGIC))", exception, String.class,
                        "not a packed BinaryConnect model: magic number 0x%08x, expected 0x%08x ('BCPK')")
                .endControlFlow()
                .addStatement("section = $S", "format version")
                .addStatement("int version = data.readUnsignedShort()")
                .beginControlFlow("if (version != FORMAT_VERSION)")
                .addStatement("throw new $T($S + version\n+ $S + FORMAT_VERSION\n+ $S)", exception,
                        "unsupported packed model format version ", ": this class reads version ",
                        "; export the model with the BinaryConnect version that generated this class")
                .endControlFlow()
                .addStatement("String foundName = readUtf($S)", "network name")
                .beginControlFlow("if (!foundName.equals(name))")
                .addStatement("throw new $T($S + foundName + $S + name)", exception,
                        "packed model is for network ", ", expected ")
                .endControlFlow()
                .addStatement("String foundFingerprint = readUtf($S)", "fingerprint")
                .beginControlFlow("if (!foundFingerprint.equals(fingerprint))")
                .addStatement("throw new $T($S + name + $S + foundFingerprint\n+ $S + fingerprint\n+ $S)",
                        exception, "packed model of ", " has fingerprint ", ", expected ",
                        ": it was trained for a different declaration of the network; train and export it again")
                .endControlFlow()
                .addStatement("expect($S, inputSize, readInt($S))", "input size", "input size")
                .addStatement("expect($S, classes, readInt($S))", "classes", "classes")
                .addStatement("expect($S, layers, readInt($S))", "layer count", "layer count")
                .build();
    }

    private MethodSpec layer() {
        return method("layer", TypeName.VOID)
                .addJavadoc("Reads a layer's header and checks it is the declared layer; H is folded into scale.\n")
                .addParameter(String.class, "name")
                .addParameter(TypeName.INT, "kind")
                .addParameter(TypeName.INT, "inputs")
                .addParameter(TypeName.INT, "units")
                .addParameter(TypeName.INT, "activation")
                .addStatement("section = $S + name + $S", "layer ", " header")
                .addStatement("int foundKind = data.readUnsignedByte()")
                .addStatement("int foundInputs = data.readInt()")
                .addStatement("int foundUnits = data.readInt()")
                .addStatement("int foundActivation = data.readUnsignedByte()")
                .addStatement("data.readFloat()")
                .beginControlFlow("if (foundKind != kind || foundInputs != inputs || foundUnits != units"
                        + " || foundActivation != activation)")
                .addStatement("throw new $T($S + name + $S\n+ describe(kind, inputs, units, activation)\n+ $S"
                        + " + describe(foundKind, foundInputs, foundUnits, foundActivation))", exception,
                        "packed model's layer ", " does not match the network: expected ", ", found ")
                .endControlFlow()
                .build();
    }

    private MethodSpec floats() {
        return method("floats", TypeName.get(float[].class))
                .addJavadoc("Reads {@code count} finite floats: a NaN or infinity could only give wrong"
                        + " predictions.\n")
                .addParameter(TypeName.INT, "count")
                .addParameter(String.class, "what")
                .addStatement("section = what")
                .addStatement("float[] values = new float[count]")
                .addStatement("$T buffer = $T.allocate($L)", ByteBuffer.class, ByteBuffer.class, CHUNK_BYTES)
                .beginControlFlow("for (int done = 0; done < count; )")
                .addStatement("int n = chunk(buffer, count - done, Float.BYTES)")
                .addStatement("buffer.asFloatBuffer().get(values, done, n)")
                .addStatement("done += n")
                .endControlFlow()
                .addStatement("checkFinite(values, what)")
                .addStatement("return values")
                .build();
    }

    private MethodSpec checkFinite() {
        return MethodSpec.methodBuilder("checkFinite")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addException(exception)
                .addParameter(TypeName.get(float[].class), "values")
                .addParameter(String.class, "what")
                .beginControlFlow("for (int i = 0; i < values.length; i++)")
                .beginControlFlow("if (!Float.isFinite(values[i]))")
                .addStatement("throw new $T(\n$S + what + $S + i + $S + values[i])", exception,
                        "packed model's ", "[", "] is not finite: ")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    private MethodSpec bits() {
        return method("bits", TypeName.get(long[].class))
                .addJavadoc("Reads the packed signs of a binary layer, each unit's row of {@code (inputs + 7) / 8}"
                        + " bytes, and returns\nthem as {@code words} longs per unit, bit {@code i % 64} of word"
                        + " {@code i / 64}. Checks that padding bits are 0:\na set padding bit would add an input"
                        + " that does not exist.\n")
                .addParameter(TypeName.INT, "units")
                .addParameter(TypeName.INT, "inputs")
                .addParameter(TypeName.INT, "words")
                .addParameter(String.class, "what")
                .addStatement("section = what")
                .addStatement("int rowBytes = (inputs + 7) / 8")
                .addStatement("int padding = inputs % 8 == 0 ? 0 : 0xff << inputs % 8 & 0xff")
                .addStatement("long[] values = new long[units * words]")
                .addComment("a buffer of whole rows")
                .addStatement("$T buffer = $T.allocate(Math.max($L, rowBytes))", ByteBuffer.class, ByteBuffer.class,
                        CHUNK_BYTES)
                .addStatement("byte[] bytes = buffer.array()")
                .beginControlFlow("for (int done = 0; done < units; )")
                .addStatement("int n = chunk(buffer, units - done, rowBytes)")
                .beginControlFlow("for (int j = done; j < done + n; j++)")
                .addStatement("int row = (j - done) * rowBytes")
                .beginControlFlow("if ((bytes[row + rowBytes - 1] & padding) != 0)")
                .addStatement("throw new $T(\n$S + what + $S + j + $S)", exception, "packed model's ",
                        " of unit ", " has padding bits set beyond its inputs")
                .endControlFlow()
                .beginControlFlow("for (int k = 0; k < rowBytes; k++)")
                .addStatement("values[j * words + k / 8] |= (bytes[row + k] & 0xffL) << 8 * (k % 8)")
                .endControlFlow()
                .endControlFlow()
                .addStatement("done += n")
                .endControlFlow()
                .addStatement("return values")
                .build();
    }

    private MethodSpec f24s() {
        return method("f24s", TypeName.get(float[].class))
                .addJavadoc("Reads {@code count} f24 values (the high three bytes of a float32) and checks they"
                        + " are finite: a NaN\nor infinity could only give wrong predictions.\n")
                .addParameter(TypeName.INT, "count")
                .addParameter(String.class, "what")
                .addStatement("section = what")
                .addStatement("float[] values = new float[count]")
                .addStatement("$T buffer = $T.allocate($L)", ByteBuffer.class, ByteBuffer.class, CHUNK_BYTES)
                .addStatement("byte[] bytes = buffer.array()")
                .beginControlFlow("for (int done = 0; done < count; )")
                .addStatement("int n = chunk(buffer, count - done, 3)")
                .beginControlFlow("for (int i = 0; i < n; i++)")
                .addStatement("values[done + i] = Float.intBitsToFloat((bytes[3 * i] & 0xff) << 24\n"
                        + "| (bytes[3 * i + 1] & 0xff) << 16 | (bytes[3 * i + 2] & 0xff) << 8)")
                .endControlFlow()
                .addStatement("done += n")
                .endControlFlow()
                .addStatement("checkFinite(values, what)")
                .addStatement("return values")
                .build();
    }

    private MethodSpec finish() {
        return method("finish", TypeName.VOID)
                .addJavadoc("Checks the checksum of everything read and that nothing follows it.\n")
                .addStatement("long computed = crc.getValue()")
                .addStatement("section = $S", "checksum")
                .addStatement("long stored = data.readLong()")
                .beginControlFlow("if (stored != computed)")
                .addStatement("throw new $T($T.format(\n$S, stored, computed))", exception, String.class,
                        "packed model is corrupt: checksum mismatch, stored %08x, computed %08x")
                .endControlFlow()
                .beginControlFlow("if (data.read() != -1)")
                .addStatement("throw new $T(\n$S)", exception,
                        "packed model is longer than the network it declares: bytes follow the checksum")
                .endControlFlow()
                .build();
    }

    private MethodSpec truncated() {
        return MethodSpec.methodBuilder("truncated")
                .returns(exception)
                .addStatement("return new $T($S + section)", exception,
                        "packed model is truncated: it ends while reading the ")
                .build();
    }

    private MethodSpec readInt() {
        return method("readInt", TypeName.INT)
                .addModifiers(Modifier.PRIVATE)
                .addParameter(String.class, "what")
                .addStatement("section = what")
                .addStatement("return data.readInt()")
                .build();
    }

    private MethodSpec readUtf() {
        return method("readUtf", TypeName.get(String.class))
                .addModifiers(Modifier.PRIVATE)
                .addParameter(String.class, "what")
                .addStatement("section = what")
                .beginControlFlow("try")
                .addStatement("return data.readUTF()")
                .nextControlFlow("catch ($T e)", UTFDataFormatException.class)
                .addStatement("throw new $T($S + what + $S)", exception, "packed model's ",
                        " is not valid modified UTF-8")
                .endControlFlow()
                .build();
    }

    private MethodSpec expect() {
        return MethodSpec.methodBuilder("expect")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addException(exception)
                .addParameter(String.class, "what")
                .addParameter(TypeName.INT, "expected")
                .addParameter(TypeName.INT, "found")
                .beginControlFlow("if (found != expected)")
                .addStatement("throw new $T(\n$S + what + $S + found + $S + expected)", exception,
                        "packed model's ", " is ", ", expected ")
                .endControlFlow()
                .build();
    }

    private static MethodSpec describe() {
        return MethodSpec.methodBuilder("describe")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(TypeName.INT, "kind")
                .addParameter(TypeName.INT, "inputs")
                .addParameter(TypeName.INT, "units")
                .addParameter(TypeName.INT, "activation")
                .addStatement("String kindName = kind == KIND_BINARY ? $S\n: kind == KIND_FULL_PRECISION ? $S"
                        + " : $S + kind", "binary dense", "full-precision dense", "unknown kind ")
                .addStatement("String activationName = activation == ACTIVATION_IDENTITY ? $S\n"
                        + ": activation == ACTIVATION_RELU ? $S : $S + activation", "identity", "relu",
                        "unknown activation ")
                .addStatement("return kindName + $S + inputs + $S + units + $S + activationName", " ", " -> ", ", ")
                .build();
    }

    private MethodSpec chunk() {
        return method("chunk", TypeName.INT)
                .addJavadoc("Fills {@code buffer} with the next values, at most a buffer full; returns how many.\n")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(ByteBuffer.class, "buffer")
                .addParameter(TypeName.INT, "remaining")
                .addParameter(TypeName.INT, "bytesPerValue")
                .addStatement("int n = Math.min(remaining, buffer.capacity() / bytesPerValue)")
                .addStatement("data.readFully(buffer.array(), 0, n * bytesPerValue)")
                .addStatement("buffer.clear()")
                .addStatement("return n")
                .build();
    }
}
