// javac, through the annotation processor, rejected units = 0 at its line; the build stopped before training.
def log = new File(basedir, 'build.log').text
def expectedPath = new File(basedir, 'src/main/java/com/example/bad/BadNetwork.java').path

def errors = log.readLines().findAll { it.startsWith('[ERROR] ') && it.contains('BadNetwork.java:[14,') }
assert !errors.isEmpty() : 'no compiler error at BadNetwork.java line 14 in build.log'
assert errors.any { it.contains(expectedPath) && it.contains('units') && it.contains('must be') } : errors.join('\n')

assert log.contains('BUILD FAILURE')
assert !log.contains('Training BadNetwork')
assert !new File(basedir, 'binaryconnect').exists()
return true
