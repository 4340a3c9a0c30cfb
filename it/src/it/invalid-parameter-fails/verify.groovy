def log = new File(basedir, 'build.log').text

assert log.contains('-Dbinaryconnect.epochs')
assert log.contains('BUILD FAILURE')
assert !log.contains('Training TinyMlp (')
return true
