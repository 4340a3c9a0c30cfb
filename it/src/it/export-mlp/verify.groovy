// The export goal read the model the train goal wrote, packed it next to the spec in target/classes (where the
// generated TinyMlpInference reads it and mvn package ships it), wrote the C files, and printed the sizes.
def log = new File(basedir, 'build.log').text

assert log.contains('Exporting TinyMlp (com.example.tiny.TinyMlpNetwork) from '
        + new File(basedir, 'binaryconnect/TinyMlp/model.bin').path)
assert log =~ /(?m)^\[INFO\] packed model: [\d.]+ KiB \([\d,]+ bytes\) against [\d.]+ KiB of float32 weights: [\d.]+x smaller$/
assert log.contains('BUILD SUCCESS')

def packed = new File(basedir, 'target/classes/com/example/tiny/TinyMlp.bcpk')
assert packed.isFile() : "no packed model at $packed"
def bytes = packed.bytes
assert new String(bytes, 0, 4, 'US-ASCII') == 'BCPK'
assert new DataInputStream(new ByteArrayInputStream(bytes, 4, 2)).readUnsignedShort() == 4
def crc = new java.util.zip.CRC32()
crc.update(bytes, 0, bytes.length - 8)
assert new DataInputStream(new ByteArrayInputStream(bytes, bytes.length - 8, 8)).readLong() == crc.value

def c = new File(basedir, 'binaryconnect/TinyMlp/c')
def header = new File(c, 'tinymlp.h')
assert header.isFile() && new File(c, 'tinymlp.c').isFile()
// the kernels every network calls, copied unchanged next to the network's own .c, which includes them
def kernels = new File(c, 'binaryconnect_kernels.h')
assert kernels.isFile() && kernels.text.contains('static inline void bc_binary_dense(')
assert new File(c, 'tinymlp.c').text.contains('#include "binaryconnect_kernels.h"')
assert header.text.contains('#define TINYMLP_INPUT_SIZE 784')
assert header.text.contains('int tinymlp_predict(const float *features);')
// raw pixels through the input pipeline model.bin recorded, and the class names
assert header.text.contains('int tinymlp_predict_pixels(const unsigned char *pixels);')
assert header.text.contains('const char *tinymlp_class_name(int index);')

// The C is portable C99 that compiles without a warning (CI has gcc): the network's .c is the only file to compile.
def gcc = ['gcc', '-std=c99', '-O2', '-Wall', '-Werror', '-c', 'tinymlp.c', '-o', 'tinymlp.o'].execute(null, c)
def output = new StringBuilder()
gcc.waitForProcessOutput(output, output)
assert gcc.exitValue() == 0 : "gcc failed on the exported C:\n$output"
return true
