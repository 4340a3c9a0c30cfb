// The model jar carries the generated inference class and the packed model; the app predicted with it and
// binaryconnect-inference alone.
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
def jar = new File(basedir, 'model/target/shipped-model-1.0-SNAPSHOT.jar')
assert jar.isFile() : 'the model jar was not built'
def entries = new ZipFile(jar).withCloseable { zip -> zip.entries().collect { it.name } }
assert entries.contains('com/example/tiny/TinyMlpInference.class')
assert entries.contains('com/example/tiny/TinyMlp.bcpk') : "the packed model is not in the jar: ${entries}"
// and the model card that says what was measured, beside it
assert entries.contains('com/example/tiny/TinyMlp.model-card.json') : "the model card is not in the jar: ${entries}"

def classpathLine = log.readLines().find { it.startsWith('app classpath: ') }
assert classpathLine != null : 'the app test did not run'
assert classpathLine.contains('shipped-model')
['nd4j-', 'binaryconnect-runtime', 'binaryconnect-dsl', 'binaryconnect-processor', 'org/bytedeco'].each {
    assert !classpathLine.contains(it) : "the app's classpath has ${it}: ${classpathLine}"
}
// Of BinaryConnect, the model needs binaryconnect-inference and nothing else: a jar without dependencies.
def ours = classpathLine.substring('app classpath: '.length()).split(File.pathSeparator)
        .collect { new File(it) }.findAll { it.name.startsWith('binaryconnect-') }
def onlyInference = "BinaryConnect on the app's classpath: ${ours}"
assert ours.size() == 1 && ours[0].name ==~ /binaryconnect-inference-.*\.jar/ : onlyInference
def inferencePom = new File(ours[0].path.replaceAll(/\.jar$/, '.pom')).text
def runtimeDependencies = (inferencePom =~ /(?s)<dependency>.*?<\/dependency>/).collect { it }
        .findAll { !it.contains('<scope>test</scope>') }
assert runtimeDependencies.isEmpty() : "binaryconnect-inference depends on ${runtimeDependencies}"
assert log =~ /shipped model: \d+ of 60 test images right/
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
return true
