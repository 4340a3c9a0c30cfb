// Two clean builds, one training: the model outlived mvn clean, and the second jar holds it all the same.
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
assert log.count('BUILD SUCCESS') == 2
assert log.count('Training TinyMlp (com.example.tiny.TinyMlpNetwork)') == 1 : 'trained more than once'
assert log =~ /TinyMlp is up to date: its network, data and configuration are those of the completed training in /
assert log.count('Exported TinyMlp into ') == 2

assert new File(basedir, 'binaryconnect/TinyMlp/model.bin').isFile()
def jar = new File(basedir, 'target/clean-package-keeps-the-model-1.0-SNAPSHOT.jar')
assert jar.isFile()
new ZipFile(jar).withCloseable { zip ->
    def packed = zip.getEntry('com/example/tiny/TinyMlp.bcpk')
    assert packed != null && packed.size > 1000 : "the jar has no packed model: ${zip.entries()*.name}"
}
return true
