// The train goal found no data directory and failed before forking, saying what to do about it.
def log = new File(basedir, 'build.log').text
def missing = new File(basedir, 'no-such-data').path

assert log.contains('BUILD FAILURE')
assert log.contains("The data directory $missing does not exist (parameter data)")
assert log.contains("install Debian's package dataset-fashion-mnist, give a dataset name (fashion-mnist, mnist, cifar10) or set -Dbinaryconnect.data=<dir>")
assert !log.contains('Training TinyMlp (')
assert !new File(basedir, 'binaryconnect/TinyMlp/model.bin').exists()
return true
