package org.binaryconnect.spark;

import org.apache.spark.SparkConf;

/**
 * Gives executors the driver's settings of the native code that decide a step's rounding, so that a run's bits do
 * not depend on where its tasks ran. Measured here: ND4J's native reductions sum in another order with another
 * {@code OMP_NUM_THREADS}, and Spark sets that to the executor's cores (TinyMlp, two workers: local[2] and
 * local-cluster[2,1,1024] trained different models until the executors got the driver's value). OpenBLAS's kernel
 * ({@code OPENBLAS_CORETYPE}) is passed on for the same reason. A value the user set for executors is kept.
 */
final class ExecutorEnvironment {

    private ExecutorEnvironment() {
    }

    static SparkConf propagate(SparkConf conf) {
        String coreType = System.getenv("OPENBLAS_CORETYPE");
        if (coreType != null) {
            setUnlessSet(conf, "OPENBLAS_CORETYPE", coreType);
        }
        String threads = System.getenv("OMP_NUM_THREADS");
        // OpenMP's default: one thread per processor
        setUnlessSet(conf, "OMP_NUM_THREADS",
                threads != null ? threads : String.valueOf(Runtime.getRuntime().availableProcessors()));
        return conf;
    }

    private static void setUnlessSet(SparkConf conf, String variable, String value) {
        if (!conf.contains("spark.executorEnv." + variable)) {
            conf.setExecutorEnv(variable, value);
        }
    }
}
