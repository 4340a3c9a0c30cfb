package org.binaryconnect.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.binaryconnect.runtime.network.ConfigurationException;
import org.junit.jupiter.api.Test;

/** A run that cannot get its workers says so in one sentence, within a bounded wait. */
class SparkClusterTest {

    @Test
    void moreWorkersThanALocalMasterRunsAtATimeFailAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> SparkCluster.open(conf("local[2]"), 3, Duration.ofSeconds(5)));
        assertEquals("The Spark master local[2] runs 2 tasks at a time, fewer than the 3 workers asked for"
                + " (binaryconnect.spark.workers): ask for at most 2, or give local[3].", e.getMessage());
    }

    @Test
    void anUnreachableMasterFailsWithinTheWait() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String master = "spark://127.0.0.1:" + port;
        long start = System.nanoTime();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> SparkCluster.open(conf(master), 2, Duration.ofSeconds(3)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("The Spark master " + master + " is not reachable (Connection refused): check the master URL"
                + " and that the master is running and reachable from here.", e.getMessage());
        assertTrue(seconds < 5, "failed after " + seconds + " s");
        // the failed context was stopped: another can start in this JVM
        try (JavaSparkContext next = SparkCluster.open(conf("local[1]"), 1, Duration.ofSeconds(1))) {
            assertEquals(1, next.parallelize(java.util.List.of(1)).count());
        }
    }

    static SparkConf conf(String master) {
        return new SparkConf().setMaster(master).setAppName("SparkClusterTest")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
    }
}
