// The evaluate goal read the model the train goal wrote, evaluated it on the 60 test samples with the network's own
// weights (binary: TinyMlp binarizes deterministically), printed the report and wrote it next to the model.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def folder = new File(basedir, 'binaryconnect/TinyMlp')

assert log.contains('Evaluating TinyMlp (com.example.tiny.TinyMlpNetwork) from '
        + new File(folder, 'model.bin').path + ' on the test part of ')
assert log =~ /(?m)^\[INFO\] evaluation of TinyMlp on the test part of .*: 60 samples, BINARY weights$/
assert log =~ /(?m)^\[INFO\] accuracy \d\.\d{4} \(\d+\/60\)  loss \d+\.\d{4}$/
assert log.contains('[INFO] confusion matrix (rows: true class, columns: predicted class)')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(folder, 'evaluation.json'))
assert report.network == 'TinyMlp'
assert report.part == 'test'
assert report.weights == 'BINARY'
assert report.samples == 60
assert report.loss > 0
assert report.classes.size() == 10
assert report.classes.sum { it.samples } == 60
assert report.confusionMatrix.size() == 10
assert report.confusionMatrix.flatten().sum() == 60
assert report.confusionMatrix.withIndex().sum { row, i -> row[i] } == report.correct
// the blocks are easy to tell apart: two epochs on 200 samples learn most of them
assert report.accuracy > 0.5 : "accuracy ${report.accuracy}"

// every output of a completed training run is there
['model.bin', 'checkpoint.bin', 'metrics.csv', 'metrics.json', 'learning-curves.png', 'confusion-matrix.png',
 'report.html', 'training-inputs.sha256'].each { name ->
    assert new File(folder, name).isFile() : "missing $name"
}
assert log.contains('report: ' + new File(folder, 'report.html').path)
def metrics = new JsonSlurper().parse(new File(folder, 'metrics.json'))
assert metrics.epochs.size() == 2
def html = new File(folder, 'report.html').text
assert html.contains('<img') && html.contains('learning-curves.png') && html.contains('confusion-matrix.png')
assert javax.imageio.ImageIO.read(new File(folder, 'learning-curves.png')).width > 100

def csv = new File(folder, 'confusion-matrix.csv').readLines()
assert csv[0] == 'true_class,' + (0..9).collect { "predicted_$it" }.join(',')
assert csv.size() == 11
return true
