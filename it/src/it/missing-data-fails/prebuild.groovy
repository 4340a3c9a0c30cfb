evaluate(new File(itSources, 'shared/tiny-mlp.groovy'))
