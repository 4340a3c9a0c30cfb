// The training JVM stopped at the batch where the loss exploded and said so; Maven reports it as the model's
// failure (a MojoFailureException), naming the epoch and batch.
def log = new File(basedir, 'build.log').text

assert log =~ /Training TinyMlp failed: Training diverged at epoch 1, batch \d+ of 10: the loss is [^ ]+, more than 10000 times the first batch's/
assert log.contains('Lower the learning rate (learningRateStart)')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'binaryconnect/TinyMlp/training-inputs.sha256').exists()
return true
