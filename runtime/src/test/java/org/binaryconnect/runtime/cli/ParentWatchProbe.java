package org.binaryconnect.runtime.cli;

/** A forked JVM's stand-in for {@link ParentWatchTest}: watches its parent, then idles for a minute. */
public final class ParentWatchProbe {

    private ParentWatchProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.startFromEnvironment(System.err);
        System.out.println("watching");
        System.out.flush();
        Thread.sleep(60_000);
        System.exit(0);
    }
}
