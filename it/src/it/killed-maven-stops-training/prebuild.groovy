evaluate(new File(itSources, 'shared/tiny-mlp.groovy'))
evaluate(new File(itSources, 'shared/tiny-fashion-data.groovy'))

// Once the first build's training JVM has written its first checkpoint, the watcher kills that JVM's parent, the
// Maven JVM, with SIGKILL (as a cancelled CI job's runner would), then waits for the training JVM to end on its own.
def output = new File(basedir, 'binaryconnect/TinyMlp')
def checkpoint = new File(output, 'checkpoint.bin')
def marker = new File(basedir, 'maven-killed.txt')

Thread.startDaemon('kill-maven-watcher') {
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
    if (!training.isPresent() || !training.get().parent().isPresent()) {
        marker.text = 'no training JVM with a parent found'
        return
    }
    def jvm = training.get()
    def maven = jvm.parent().get()
    maven.destroyForcibly()
    long killed = System.nanoTime()
    boolean ended = jvm.onExit().completeOnTimeout(null, 10, java.util.concurrent.TimeUnit.SECONDS).get() != null ||
            !jvm.isAlive()
    long millis = (System.nanoTime() - killed).intdiv(1_000_000)
    if (!ended) {
        jvm.destroyForcibly()
    }
    marker.text = ended ? "ended ${millis}" : "alive after ${millis}"
}
return true
