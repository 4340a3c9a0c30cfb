// binaryconnect.spark.master turns the training JVM into a Spark driver; one worker trains the bits of one JVM.
def log = new File(basedir, 'build.log').text

assert log.count('BUILD SUCCESS') == 4
assert log.contains('on Apache Spark: master local[1], 1 workers, averaging every 4 steps')
assert log.contains('on Apache Spark: master local-cluster[2,1,1024], 2 workers, averaging every 3 steps')

def single = new File(basedir, 'binaryconnect/TinyMlp/model.bin')
def oneWorker = new File(basedir, 'one-worker/TinyMlp/model.bin')
def twoWorkers = new File(basedir, 'two-workers/TinyMlp')
assert single.bytes == oneWorker.bytes : 'one Spark worker trained another model than one JVM'
assert new File(twoWorkers, 'model.bin').length() > 0
assert new File(twoWorkers, 'report.html').isFile()
assert new File(twoWorkers, 'model.bin').bytes == new File(basedir, 'two-threads/TinyMlp/model.bin').bytes :
        'two workers in executor JVMs trained another model than two worker threads'
def rows = new File(twoWorkers, 'metrics.csv').readLines().findAll { !it.isBlank() }
assert rows.size() == 3 : rows
return true
