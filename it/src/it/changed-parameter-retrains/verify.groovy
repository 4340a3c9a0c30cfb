// Both builds trained: the second had a different learning rate, so neither its up-to-date check nor its checkpoint
// (made with the first rate) could stand.
def log = new File(basedir, 'build.log').text

assert log.count('Training TinyMlp (com.example.tiny.TinyMlpNetwork)') == 2
assert !log.contains('is up to date')
assert !log.contains('resuming from')
assert log.contains('is from a run with another network, configuration or data: training from the start')
assert log.contains('learning rate 0.002 -> ')
def rows = new File(basedir, 'binaryconnect/TinyMlp/metrics.csv').readLines()
assert rows[1].startsWith('1,0.00200000,')
return true
