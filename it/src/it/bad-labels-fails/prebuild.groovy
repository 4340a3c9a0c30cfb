// Well-formed gzipped IDX files, except that training label 5 is 12 in a 10-class problem.
import java.util.zip.GZIPOutputStream

evaluate(new File(itSources, 'shared/tiny-mlp.groovy'))

def data = new File(basedir, 'data')
data.mkdirs()

void write(File file, List<Integer> header, byte[] payload) {
    new DataOutputStream(new GZIPOutputStream(new FileOutputStream(file))).withCloseable { out ->
        header.each { out.writeInt(it) }
        out.write(payload)
    }
}

[train: 100, t10k: 20].each { prefix, count ->
    byte[] labels = new byte[count]
    for (int i = 0; i < count; i++) {
        labels[i] = (byte) (i % 10)
    }
    if (prefix == 'train') {
        labels[5] = (byte) 12
    }
    write(new File(data, "$prefix-images-idx3-ubyte.gz"), [0x803, count, 28, 28], new byte[count * 784])
    write(new File(data, "$prefix-labels-idx1-ubyte.gz"), [0x801, count], labels)
}
return true
