evaluate(new File(itSources, 'shared/tiny-mlp.groovy'))
evaluate(new File(itSources, 'shared/tiny-fashion-data.groovy'))
