// The first build lost its training JVM to SIGKILL mid-run; the second continued after the last completed epoch
// instead of starting over, and finished all 30 epochs with exactly the model and figures of an uninterrupted run.
def log = new File(basedir, 'build.log').text
def folder = new File(basedir, 'binaryconnect/TinyMlp')

assert new File(basedir, 'killed.txt').text.startsWith('killed ')
def resumed = log =~ /resuming from .*checkpoint\.bin after epoch (\d+) of 30/
assert resumed.find() : 'the second build did not resume'
int epoch = resumed.group(1) as int
assert epoch >= 1 && epoch < 30
assert log.contains('epoch 30/30')
assert log.contains('BUILD SUCCESS')
def rows = new File(folder, 'metrics.csv').readLines()
assert rows.size() == 31
assert rows.drop(1).collect { it.split(',')[0] as int } == (1..30).toList()
assert new File(folder, 'training-inputs.sha256').isFile()
def reference = new File(basedir, 'reference/TinyMlp')
assert new File(folder, 'model.bin').bytes == new File(reference, 'model.bin').bytes :
        'the resumed run ended with another model than the uninterrupted one'
evaluate(new File(itSources, 'shared/metrics-figures.groovy'))
assert figures(new File(folder, 'metrics.csv')) == figures(new File(reference, 'metrics.csv'))
return true
