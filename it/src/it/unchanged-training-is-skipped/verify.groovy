// One training ran; the second build said it was up to date, and how long the check took.
def log = new File(basedir, 'build.log').text

assert log.count('Training TinyMlp (com.example.tiny.TinyMlpNetwork)') == 1
def skipped = log =~ /TinyMlp is up to date: its network, data and configuration are those of the completed training in .*; nothing to do \(-Dbinaryconnect.force to train again; checked in (\d+) ms\)/
assert skipped.find() : 'the second build did not skip'
println "up-to-date check: ${skipped.group(1)} ms"
assert (skipped.group(1) as int) < 2000
assert log.count('BUILD SUCCESS') == 2
return true
