// A stochastic network evaluates with its real-valued weights but ships their signs: the export prints the
// shipped accuracy, the trained network's with binary weights (equal: every prediction agreed) and the REAL one
// training reported, and the model card holds all three.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def line = log =~ /(?m)^\[INFO\] shipped model: test accuracy ([\d.]+) \(60 samples\); trained network with binary weights: ([\d.]+); trained network with its evaluation weights \(REAL\): ([\d.]+)(; .*)?$/
assert line.find() : 'no shipped-model line with the REAL figure in the log'
double real = line.group(3) as double
assert real > 0.5 : "TinyMlp learned the blocks with its real weights: ${real}"

def card = new JsonSlurper().parse(new File(basedir, 'target/classes/com/example/tiny/TinyMlp.model-card.json'))
assert card.verification.verified == true
assert card.verification.evaluationWeights == 'REAL'
assert Math.abs(card.verification.evaluationWeightsAccuracy - real) < 1e-4
assert Math.abs(card.verification.shippedAccuracy - (line.group(1) as double)) < 1e-4
assert Math.abs(card.verification.trainedBinaryAccuracy - (line.group(2) as double)) < 1e-4
return true
