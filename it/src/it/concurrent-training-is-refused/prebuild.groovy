evaluate(new File(itSources, 'shared/tiny-mlp.groovy'))
evaluate(new File(itSources, 'shared/tiny-fashion-data.groovy'))

// Once the first build's training JVM has written its first checkpoint (so its Maven holds the folder), the watcher
// stops that JVM (SIGSTOP: no race with a tiny network's few seconds of training), runs a second Maven build of the
// same project with another seed (output in second.log, exit code and milliseconds in second.exit), then lets the
// first training go on (SIGCONT).
def output = new File(basedir, 'binaryconnect/TinyMlp')
def checkpoint = new File(output, 'checkpoint.bin')
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def outer = (new File(basedir, 'pom.xml').text =~ /<outerRepositoryUrl>([^<]+)</)[0][1]
def settings = new File(basedir, 'second-settings.xml')
settings.text = """<settings><mirrors><mirror><id>outer-local-repository</id><url>${outer}</url>
<mirrorOf>*</mirrorOf></mirror></mirrors></settings>"""
def signal = { String name, long pid ->
    new ProcessBuilder(['kill', '-' + name, Long.toString(pid)]).inheritIO().start().waitFor()
}

Thread.startDaemon('second-training') {
    long deadline = System.currentTimeMillis() + 300_000
    while (!checkpoint.exists() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20)
    }
    def training = ProcessHandle.allProcesses().filter { p ->
        // /proc holds the whole command line; ProcessHandle.Info's is cut at a page, which a long classpath fills
        def line
        try {
            line = new File("/proc/${p.pid()}/cmdline").text.replace('\u0000', ' ')
        } catch (IOException gone) {
            line = p.info().commandLine().orElse('')
        }
        line.contains('org.binaryconnect.runtime.cli.TrainMain') && line.contains(output.path)
    }.findFirst()
    if (!training.isPresent()) {
        new File(basedir, 'second.exit').text = 'none 0'
        return
    }
    long first = training.get().pid()
    signal('STOP', first)
    try {
        def command = [mvn, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
                       '-Daether.offline.protocols=file', 'binaryconnect:train', '-Dbinaryconnect.data=data',
                       '-Dbinaryconnect.epochs=30', '-Dbinaryconnect.seed=99'].collect { it.toString() }
        def second = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
                .redirectOutput(new File(basedir, 'second.log')).start()
        long started = System.nanoTime()
        int exit = second.waitFor()
        new File(basedir, 'second.exit').text = "${exit} ${(System.nanoTime() - started).intdiv(1_000_000)}"
    } finally {
        signal('CONT', first)
    }
}
return true
