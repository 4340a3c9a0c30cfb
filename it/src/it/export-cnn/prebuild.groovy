evaluate(new File(itSources, 'shared/tiny-fashion-data.groovy'))
