// Writes a small learnable dataset in the real Fashion-MNIST layout (gzipped IDX, 28x28 unsigned bytes) into
// <basedir>/data: each class is a bright 6x6 block at its own place on a noisy background. The calling script may
// set trainSamples and testSamples first (240 and 60 otherwise).
import java.util.zip.GZIPOutputStream

def data = new File(basedir, 'data')
data.mkdirs()
def random = new Random(20150101L)
int trainCount = binding.hasVariable('trainSamples') ? trainSamples : 240
int testCount = binding.hasVariable('testSamples') ? testSamples : 60

def writeSet = { File dir, String prefix, int count ->
    byte[] labels = new byte[count]
    byte[] pixels = new byte[count * 28 * 28]
    for (int i = 0; i < count; i++) {
        int label = random.nextInt(10)
        labels[i] = (byte) label
        int top = 3 + label.intdiv(5) * 13 + random.nextInt(3)
        int left = 1 + (label % 5) * 5 + random.nextInt(2)
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                boolean inBlock = y >= top && y < top + 6 && x >= left && x < left + 6
                int value = inBlock ? 180 + random.nextInt(76) : random.nextInt(60)
                pixels[i * 784 + y * 28 + x] = (byte) value
            }
        }
    }
    new DataOutputStream(new GZIPOutputStream(new FileOutputStream(new File(dir, prefix + '-images-idx3-ubyte.gz')))).withCloseable { out ->
        out.writeInt(0x00000803)
        out.writeInt(count)
        out.writeInt(28)
        out.writeInt(28)
        out.write(pixels)
    }
    new DataOutputStream(new GZIPOutputStream(new FileOutputStream(new File(dir, prefix + '-labels-idx1-ubyte.gz')))).withCloseable { out ->
        out.writeInt(0x00000801)
        out.writeInt(count)
        out.write(labels)
    }
}

writeSet(data, 'train', trainCount)
writeSet(data, 't10k', testCount)
return true
