// The second build found the damaged checkpoint, said what is wrong and what to do, and left it as it was.
def log = new File(basedir, 'build.log').text
def folder = new File(basedir, 'binaryconnect/TinyMlp')
def checkpoint = new File(folder, 'checkpoint.bin')

assert new File(basedir, 'killed.txt').text.startsWith('killed ')
assert log.contains("Checkpoint ${checkpoint.path} is damaged: its checksum does not match its contents")
assert log.contains('delete it to train from the start (or train with resume off); it was left as it is')
assert log.contains('BUILD FAILURE')
assert !log.contains('resuming from')
assert checkpoint.bytes == new File(folder, 'checkpoint.bin.damaged').bytes
assert !new File(folder, 'training-inputs.sha256').exists()
return true
