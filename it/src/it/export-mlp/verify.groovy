// The export goal read the model the train goal wrote, packed it next to the spec in target/classes (where the
// generated TinyMlpInference reads it and mvn package ships it), checked it through TinyMlpInference on the test
// part of data/ against the trained network, wrote the model card beside it and the C files, and printed the sizes
// and the shipped accuracy.
import groovy.json.JsonSlurper
import java.security.MessageDigest

def log = new File(basedir, 'build.log').text

assert log.contains('Exporting TinyMlp (com.example.tiny.TinyMlpNetwork) from '
        + new File(basedir, 'binaryconnect/TinyMlp/model.bin').path)
assert log =~ /(?m)^\[INFO\] packed model: [\d.]+ KiB \([\d,]+ bytes\) against [\d.]+ KiB of float32 weights: [\d.]+x smaller$/
assert log.contains('BUILD SUCCESS')

// the figures of what ships: the packed model predicted the 60 test images as the trained network does
def shipped = log =~ /(?m)^\[INFO\] shipped model: test accuracy ([\d.]+) \(60 samples\); trained network with binary weights: ([\d.]+)(; .*)?$/
assert shipped.find() : 'no shipped-model line in the log'
double shippedAccuracy = shipped.group(1) as double
assert shippedAccuracy > 0.5 : "TinyMlp learned the blocks: shipped accuracy ${shippedAccuracy}"
assert Math.abs(shippedAccuracy - (shipped.group(2) as double)) <= 0.05 : shipped.group(0)

def packed = new File(basedir, 'target/classes/com/example/tiny/TinyMlp.bcpk')
assert packed.isFile() : "no packed model at $packed"
def bytes = packed.bytes
assert new String(bytes, 0, 4, 'US-ASCII') == 'BCPK'
assert new DataInputStream(new ByteArrayInputStream(bytes, 4, 2)).readUnsignedShort() == 4
def crc = new java.util.zip.CRC32()
crc.update(bytes, 0, bytes.length - 8)
assert new DataInputStream(new ByteArrayInputStream(bytes, bytes.length - 8, 8)).readLong() == crc.value

// the model card beside the packed model: the network, the packed bytes and the data, with the figures printed
def cardFile = new File(basedir, 'target/classes/com/example/tiny/TinyMlp.model-card.json')
assert cardFile.isFile() : "no model card at $cardFile"
def card = new JsonSlurper().parse(cardFile)
def sha256 = { byte[] content -> MessageDigest.getInstance('SHA-256').digest(content).encodeHex().toString() }
assert card.network.name == 'TinyMlp'
assert card.network.specClass == 'com.example.tiny.TinyMlp'
assert card.network.fingerprint ==~ /[0-9a-f]{32}/
assert card.projectVersion == '1.0-SNAPSHOT'
assert card.packedModel.resource == 'com/example/tiny/TinyMlp.bcpk'
assert card.packedModel.bytes == bytes.length
assert card.packedModel.sha256 == sha256(bytes)
// named without the build machine's paths: the digests say which data it was
assert card.dataset.name == 'data'
assert !cardFile.text.contains(basedir.path)
def dataFiles = ['t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz', 'train-images-idx3-ubyte.gz',
                 'train-labels-idx1-ubyte.gz']
assert card.dataset.files*.name == dataFiles
assert card.dataset.files*.sha256 == dataFiles.collect { sha256(new File(basedir, "data/$it").bytes) }
assert card.preprocessing.steps == 'scale-1-1'
assert card.verification.verified == true
assert card.verification.testSamples == 60
assert Math.abs(card.verification.shippedAccuracy - shippedAccuracy) < 1e-4
assert card.verification.evaluationWeights == 'BINARY'

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
