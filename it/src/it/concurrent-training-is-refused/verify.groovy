// The second build failed at once, naming the first one's process and host; the first finished with its own files.
def secondExit = new File(basedir, 'second.exit')
long deadline = System.currentTimeMillis() + 120_000
while (!secondExit.exists() && System.currentTimeMillis() < deadline) {
    Thread.sleep(100)
}
assert secondExit.exists() : 'the second build never ran'
def (exit, millis) = secondExit.text.tokenize(' ')
def second = new File(basedir, 'second.log').text
println "second build: exit ${exit} after ${millis} ms"
assert exit != 'none' : 'no training JVM was found to hold the folder'
assert exit != '0' : second
assert second =~ /TinyMlp is locked: binaryconnect:train by process \d+ on host \S+ since \S+ is using it/ : second
assert !second.contains('Training TinyMlp (') : 'the second build started training'

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def rows = new File(basedir, 'binaryconnect/TinyMlp/metrics.csv').readLines()
assert rows.size() == 31 : "metrics.csv holds ${rows.size() - 1} epochs, not 30"
assert rows.collect { it.tokenize(',')[0] }.drop(1) == (1..30).collect { it as String }
assert new File(basedir, 'binaryconnect/TinyMlp/model.bin').isFile()
// the record of the completed run is the first build's (no seed override), not the second's (seed 99)
assert !new File(basedir, 'binaryconnect/TinyMlp/training-inputs.sha256').text.contains('--seed')
return true
