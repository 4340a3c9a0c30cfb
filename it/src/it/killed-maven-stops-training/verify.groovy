// Maven's death ended the training JVM within 10 s; the next build resumed from the last checkpoint and ended with
// exactly the uninterrupted run's model and figures.
def marker = new File(basedir, 'maven-killed.txt')
assert marker.exists() : 'the watcher never killed Maven'
println "training JVM after Maven's SIGKILL: ${marker.text}"
assert marker.text.startsWith('ended ') : marker.text
assert (marker.text.substring('ended '.length()) as long) < 10_000

def log = new File(basedir, 'build.log').text
assert log =~ /resuming from .*checkpoint\.bin after epoch \d+ of 30/

def model = new File(basedir, 'binaryconnect/TinyMlp/model.bin')
def reference = new File(basedir, 'reference/TinyMlp/model.bin')
assert model.bytes == reference.bytes : 'the resumed run ended with another model than the uninterrupted one'
evaluate(new File(itSources, 'shared/metrics-figures.groovy'))
assert figures(new File(basedir, 'binaryconnect/TinyMlp/metrics.csv')) ==
        figures(new File(basedir, 'reference/TinyMlp/metrics.csv'))
return true
