def log = new File(basedir, 'build.log').text

// the one sentence that says what to change, and nothing written
assert log.contains('Parameter epochs (-Dbinaryconnect.epochs) is 0 but must be at least 1.')
assert log.contains('BUILD FAILURE')
assert !log.contains('Training TinyMlp (')
assert !new File(basedir, 'binaryconnect').exists() : 'a refused configuration wrote an output folder'
return true
