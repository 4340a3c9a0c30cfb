// A packed model that predicts differently from the trained network fails the export (the user's failure, a
// MojoFailureException), naming the first differing test sample and both predictions; nothing claiming to be
// checked is left: no packed model, no model card, no C files.
def log = new File(basedir, 'build.log').text

assert new File(basedir, 'binaryconnect/TinyMlp/model.bin').isFile() : 'training ran and kept its model'
def failure = log =~ /(?m)^\[ERROR\] \[binaryconnect\] ERROR: The packed model of TinyMlp does not predict what the trained network predicts with binary weights on \S+data: test sample (\d+) \(0-based\) is class (\d) for the packed model \(scores: .*\) but class (\d) for the trained network \(.*\); (\d+) of 60 test samples differ beyond a tie, so nothing was written; .*$/
assert failure.find() : 'no failure naming the first differing sample in the log'
assert failure.group(2) != failure.group(3)
assert log.contains('BUILD FAILURE')
assert log =~ /Failed to execute goal org\.binaryconnect:binaryconnect-maven-plugin:[^:]+:export \(default-cli\)/

def classes = new File(basedir, 'target/classes/com/example/tiny')
assert !new File(classes, 'TinyMlp.bcpk').exists() : 'a packed model that failed its check was written'
assert !new File(classes, 'TinyMlp.model-card.json').exists()
assert !new File(basedir, 'binaryconnect/TinyMlp/c').exists()
return true
