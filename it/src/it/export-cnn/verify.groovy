// The export goal packed the conv network next to the spec in target/classes, in format version 4, checked it
// through TinyCnnInference against the trained network on the test part of data/, wrote the model card beside it
// and the C files, which compile, and the generated TinyCnnInference (JDK and binaryconnect-inference only) loads
// the packed model and predicts.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text

assert log.contains('Exporting TinyCnn (com.example.tiny.TinyCnnNetwork) from '
        + new File(basedir, 'binaryconnect/TinyCnn/model.bin').path)
assert log =~ /(?m)^\[INFO\] packed model: [\d.]+ KiB \([\d,]+ bytes\) against [\d.]+ KiB of float32 weights: [\d.]+x smaller$/
assert log.contains('BUILD SUCCESS')

def shipped = log =~ /(?m)^\[INFO\] shipped model: test accuracy ([\d.]+) \(60 samples\); trained network with binary weights: ([\d.]+)(; .*)?$/
assert shipped.find() : 'no shipped-model line in the log'
double shippedAccuracy = shipped.group(1) as double
assert shippedAccuracy > 0.5 : "TinyCnn learned the blocks: shipped accuracy ${shippedAccuracy}"
assert Math.abs(shippedAccuracy - (shipped.group(2) as double)) <= 0.05 : shipped.group(0)

def card = new JsonSlurper().parse(new File(basedir, 'target/classes/com/example/tiny/TinyCnn.model-card.json'))
assert card.network.name == 'TinyCnn'
assert card.packedModel.resource == 'com/example/tiny/TinyCnn.bcpk'
assert card.dataset.files.size() == 4
assert card.verification.verified == true
assert card.verification.testSamples == 60
assert Math.abs(card.verification.shippedAccuracy - shippedAccuracy) < 1e-4

def packed = new File(basedir, 'target/classes/com/example/tiny/TinyCnn.bcpk')
assert packed.isFile() : "no packed model at $packed"
def bytes = packed.bytes
assert new String(bytes, 0, 4, 'US-ASCII') == 'BCPK'
assert new DataInputStream(new ByteArrayInputStream(bytes, 4, 2)).readUnsignedShort() == 4
def crc = new java.util.zip.CRC32()
crc.update(bytes, 0, bytes.length - 8)
assert new DataInputStream(new ByteArrayInputStream(bytes, bytes.length - 8, 8)).readLong() == crc.value

// target/classes and binaryconnect-inference alone (no ND4J, no BinaryConnect runtime): the inference class reads
// the resource next to it
def inferenceJars = new File(localRepositoryPath, 'org/binaryconnect/binaryconnect-inference').listFiles()
        .findAll { it.isDirectory() }.collectMany { it.listFiles().toList() }
        .findAll { it.name ==~ /binaryconnect-inference-[^-]+(-SNAPSHOT)?\.jar/ }
assert inferenceJars.size() == 1 : "binaryconnect-inference in the ITs' local repository: ${inferenceJars}"
def loader = new URLClassLoader([new File(basedir, 'target/classes'), inferenceJars[0]].collect { it.toURI().toURL() }
        as URL[], ClassLoader.platformClassLoader)
def inference = loader.loadClass('com.example.tiny.TinyCnnInference')
def model = inference.getMethod('load').invoke(null)
int label = model.predict(new float[784])
assert label >= 0 && label < 10

def c = new File(basedir, 'binaryconnect/TinyCnn/c')
def header = new File(c, 'tinycnn.h')
assert header.isFile() && new File(c, 'tinycnn.c').isFile()
// the kernels every network calls, copied unchanged next to the network's own .c, which includes them
def kernels = new File(c, 'binaryconnect_kernels.h')
assert kernels.isFile() && kernels.text.contains('static inline void bc_binary_dense(')
assert new File(c, 'tinycnn.c').text.contains('#include "binaryconnect_kernels.h"')
assert header.text.contains('#define TINYCNN_INPUT_SIZE 784')
assert header.text.contains('int tinycnn_predict(const float *features);')
// raw pixels through the input pipeline model.bin recorded, and the class names
assert header.text.contains('int tinycnn_predict_pixels(const unsigned char *pixels);')
assert header.text.contains('const char *tinycnn_class_name(int index);')

// The C is portable C99 that compiles without a warning (CI has gcc): the network's .c is the only file to compile.
def gcc = ['gcc', '-std=c99', '-O2', '-Wall', '-Werror', '-c', 'tinycnn.c', '-o', 'tinycnn.o'].execute(null, c)
def output = new StringBuilder()
gcc.waitForProcessOutput(output, output)
assert gcc.exitValue() == 0 : "gcc failed on the exported C:\n$output"
return true
