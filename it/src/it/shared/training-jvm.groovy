// Returns a closure that waits (up to 5 minutes) for the first checkpoint in a network's output folder, then gives the
// training JVM (TrainMain) writing into that folder, as an Optional<ProcessHandle>: the scenarios that kill or stop
// a training JVM, or its Maven, find it this way.
return { File output ->
    def checkpoint = new File(output, 'checkpoint.bin')
    long deadline = System.currentTimeMillis() + 300_000
    while (!checkpoint.exists() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20)
    }
    ProcessHandle.allProcesses().filter { p ->
        def line = p.info().commandLine().orElse('')
        line.contains('org.binaryconnect.runtime.cli.TrainMain') && line.contains(output.path)
    }.findFirst()
}
