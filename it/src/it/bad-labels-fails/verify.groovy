// TrainMain exited with 2 (the user's data is at fault): the plugin fails the build (MojoFailureException) with
// TrainMain's own sentence, and the sentence also reached the log as the training JVM printed it.
def log = new File(basedir, 'build.log').text
def labels = new File(basedir, 'data/train-labels-idx1-ubyte.gz').path

assert log.contains('Training TinyMlp (com.example.tiny.TinyMlpNetwork) on ')
assert log =~ /(?m)^\[ERROR\] \[binaryconnect\] ERROR: .*has label 12 at index 5/
def failure = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal org.binaryconnect:binaryconnect-maven-plugin:') }
assert failure != null
assert failure.contains(': Training TinyMlp failed: ') && failure.contains(labels) && failure.contains('has label 12 at index 5') : failure
assert log.contains('MAVEN/MojoFailureException')
assert !new File(basedir, 'binaryconnect/TinyMlp/model.bin').exists()
return true
