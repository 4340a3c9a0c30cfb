// Starts a watcher in the Invoker's JVM, then returns: once the first invocation's training JVM has written its
// first checkpoint, the watcher kills that JVM with SIGKILL (no shutdown hook, no chance to tidy up), mid-epoch,
// as a crash or an out-of-memory killer would. With corruptAfterKill set, it then flips one byte in the middle of
// the checkpoint and keeps a copy of the damaged bytes in checkpoint.bin.damaged, for the verify script to compare.
def output = new File(basedir, 'binaryconnect/TinyMlp')
def checkpoint = new File(output, 'checkpoint.bin')
def marker = new File(basedir, 'killed.txt')
boolean corrupt = binding.hasVariable('corruptAfterKill') && corruptAfterKill

Thread.startDaemon('kill-training-watcher') {
    long deadline = System.currentTimeMillis() + 300_000
    while (!checkpoint.exists() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20)
    }
    Thread.sleep(150)
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
        marker.text = 'no training JVM found to kill'
        return
    }
    def jvm = training.get()
    jvm.destroyForcibly()
    jvm.onExit().get()
    marker.text = "killed ${jvm.pid()}"
    if (corrupt) {
        byte[] bytes = checkpoint.bytes
        bytes[bytes.length.intdiv(2)] ^= 0x20
        checkpoint.bytes = bytes
        new File(output, 'checkpoint.bin.damaged').bytes = bytes
    }
}
return true
