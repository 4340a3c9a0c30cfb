trainSamples = 3000
corruptAfterKill = true
evaluate(new File(itSources, 'shared/tiny-mlp.groovy'))
evaluate(new File(itSources, 'shared/tiny-fashion-data.groovy'))
evaluate(new File(itSources, 'shared/kill-training.groovy'))
