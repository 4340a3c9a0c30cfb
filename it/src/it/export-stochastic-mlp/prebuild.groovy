// TinyMlp as the other scenarios train it, made stochastic (the authors' best variant, evaluated with its real
// weights), with the epochs it needs to learn the blocks.
evaluate(new File(itSources, 'shared/tiny-mlp.groovy'))
def spec = new File(basedir, 'src/main/java/com/example/tiny/TinyMlp.java')
spec.text = spec.text.replace('Binarization.DETERMINISTIC', 'Binarization.STOCHASTIC').replace('epochs = 2', 'epochs = 4')
assert spec.text.contains('Binarization.STOCHASTIC') && spec.text.contains('epochs = 4')
evaluate(new File(itSources, 'shared/tiny-fashion-data.groovy'))
