// The train goal compiled the spec, forked the training JVM with a tuned OpenBLAS, streamed one line per epoch,
// and wrote the model and its metrics under binaryconnect/TinyMlp/.
def log = new File(basedir, 'build.log').text

assert log.contains('Training TinyMlp (com.example.tiny.TinyMlpNetwork) on ' + new File(basedir, 'data').path)
assert log.contains('OPENBLAS_CORETYPE=')
assert log =~ /(?m)^\[INFO\] epoch 1\/2 /
assert log =~ /(?m)^\[INFO\] epoch 2\/2 /
assert log.contains('BUILD SUCCESS')

def output = new File(basedir, 'binaryconnect/TinyMlp')
def model = new File(output, 'model.bin')
assert model.isFile() && model.length() > 0 : "no model at $model"

def lines = new File(output, 'metrics.csv').readLines().findAll { !it.isBlank() }
assert lines[0] == 'epoch,learning_rate,train_loss,val_accuracy,test_accuracy,seconds,samples_per_s,' +
        'val_binary_accuracy,test_binary_accuracy'
assert lines.size() == 3 : "expected 2 epochs in metrics.csv, got: $lines"
lines.drop(1).eachWithIndex { row, i ->
    def fields = row.split(',', -1)
    assert fields.length == 9 : row
    assert fields[0] == String.valueOf(i + 1) : row
    [fields[3], fields[4], fields[7], fields[8]].each { accuracy ->
        double value = accuracy as double
        assert value >= 0d && value <= 1d : row
    }
    // TinyMlp binarizes deterministically and is evaluated with its binary weights: one measurement, both names
    assert fields[7] == fields[3] && fields[8] == fields[4] : row
}
// the data and the run are seeded: TinyMlp learns its ten separable classes (chance is 0.1; measured: test 1.0 after
// epoch 2), and the training loss falls
def last = lines[2].split(',', -1)
assert (last[4] as double) >= 0.9d : "TinyMlp did not learn: ${lines}"
assert (last[2] as double) < (lines[1].split(',', -1)[2] as double) : "the training loss did not fall: ${lines}"
return true
