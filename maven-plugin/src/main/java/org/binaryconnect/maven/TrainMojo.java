package org.binaryconnect.maven;

import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.eclipse.aether.RepositorySystem;

/**
 * Trains a network the project declares with {@code @Network}. Compiles the project first, then forks a JVM
 * with the BinaryConnect runtime, ND4J and a tuned OpenBLAS, and trains the generated class on the dataset.
 * The model of the best validation epoch ({@code model.bin}), the checkpoint of the last epoch
 * ({@code checkpoint.bin}) and the metrics ({@code metrics.csv}) go to {@code <outputDirectory>/<NetworkName>/}.
 * An interrupted run continues from its checkpoint; a run whose network, data and configuration are those of the
 * last completed one is skipped as up to date.
 *
 * <p>The compile regenerates the networks' classes when another BinaryConnect processor generated them
 * ({@code refresh-generated} runs before it), so no {@code mvn clean} is needed after a new processor.
 */
@Mojo(name = "train", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "binaryconnect")
public final class TrainMojo extends DatasetMojo {

    /** Number of epochs, replacing the network's {@code @Training(epochs)}. */
    @Parameter(property = "binaryconnect.epochs")
    private Integer epochs;

    /** Learning rate of the first epoch, replacing the network's {@code @Training(learningRateStart)}. */
    @Parameter(property = "binaryconnect.learningRateStart")
    private Double learningRateStart;

    /** Learning rate reached after the last epoch, replacing the network's {@code @Training(learningRateEnd)}. */
    @Parameter(property = "binaryconnect.learningRateEnd")
    private Double learningRateEnd;

    /** Seed of initialisation, shuffling, dropout and stochastic binarization, replacing {@code @Training(seed)}. */
    @Parameter(property = "binaryconnect.seed")
    private Long seed;

    /**
     * Number of training samples (the last ones) held out for validation, replacing
     * {@code @Training(validationSamples)}.
     */
    @Parameter(property = "binaryconnect.validationSamples")
    private Integer validationSamples;

    /** Options of the training JVM, separated by spaces, e.g. {@code -Xmx8g}. */
    @Parameter(property = "binaryconnect.jvmArgs", defaultValue = "-Xmx4g")
    private String jvmArgs;

    /**
     * Continues an interrupted run from its last checkpoint ({@code checkpoint.bin}, written after every epoch) when
     * the network, data and configuration are unchanged; {@code false} trains from the start.
     */
    @Parameter(property = "binaryconnect.resume", defaultValue = "true")
    private boolean resume;

    /**
     * Trains even when nothing changed since the last completed training (by default such a run is skipped as up
     * to date).
     */
    @Parameter(property = "binaryconnect.force", defaultValue = "false")
    private boolean force;

    /**
     * Trains in a forked JVM (the default: its heap, options and environment are set here, and a crash cannot take
     * Maven down); {@code false} trains in Maven's own JVM, which starts faster but uses Maven's heap and
     * environment.
     */
    @Parameter(property = "binaryconnect.fork", defaultValue = "true")
    private boolean fork;

    /**
     * Environment variables of the training JVM, over those the plugin sets ({@code OPENBLAS_CORETYPE} chosen from
     * the CPU, {@code OPENBLAS_THREAD_TIMEOUT}), e.g. {@code <OPENBLAS_NUM_THREADS>1</OPENBLAS_NUM_THREADS>}.
     */
    @Parameter
    private Map<String, String> environmentVariables;

    /**
     * Trains on Apache Spark with this master URL: {@code local[N]} (threads of the training JVM),
     * {@code local-cluster[N,cores,memoryMB]} (executor JVMs on this machine, Spark's test mode) or
     * {@code spark://host:port} (a standalone cluster whose executors see this machine's files). Spark 4 and
     * binaryconnect-spark are then resolved and added to the training JVM, the Spark driver. Unset: one JVM.
     */
    @Parameter(property = "binaryconnect.spark.master")
    private String sparkMaster;

    /** With {@code binaryconnect.spark.master}: the partitions trained side by side each round. */
    @Parameter(property = "binaryconnect.spark.workers", defaultValue = "2")
    private int sparkWorkers;

    /**
     * With {@code binaryconnect.spark.master}: the steps each worker takes between two averagings of the
     * training state (1 averages after every step).
     */
    @Parameter(property = "binaryconnect.spark.syncEvery", defaultValue = "10")
    private int sparkSyncEvery;

    @Component
    private RepositorySystem repositorySystem;

    @Override
    String activity() {
        return "training";
    }

    @Override
    String jvmArgs() {
        return jvmArgs;
    }

    @Override
    void run(Log log, ForkedJvm jvm) throws MojoExecutionException, MojoFailureException {
        TrainingRequest request = new TrainingRequest(
                basedir(),
                classesDirectory(),
                projectDependencies(),
                pluginArtifacts(),
                network(),
                datasetSettings(),
                outputDirectory(),
                new ScheduleOverrides(epochs, learningRateStart, learningRateEnd, seed, validationSamples),
                jvmArgList(),
                new TrainingRequest.RunOptions(resume, force, interactiveTerminal(), fork,
                        environmentVariables == null ? Map.of() : environmentVariables),
                sparkSettings());
        new TrainingLauncher(log::info, jvm).train(request);
    }

    private SparkSettings sparkSettings() throws MojoExecutionException {
        if (sparkMaster == null || sparkMaster.isBlank()) {
            return null;
        }
        if (sparkWorkers < 1 || sparkSyncEvery < 1) {
            throw new MojoExecutionException("binaryconnect.spark.workers is " + sparkWorkers + " and"
                    + " binaryconnect.spark.syncEvery " + sparkSyncEvery + ": give 1 or more for each.");
        }
        return new SparkSettings(sparkMaster, sparkWorkers, sparkSyncEvery, SparkClasspath.resolve(repositorySystem,
                session().getRepositorySession(), project().getRemoteProjectRepositories(), plugin().getGroupId(),
                plugin().getVersion()));
    }

    /** A progress bar only where someone watches a terminal: not in batch mode (-B), not into a pipe or file. */
    private boolean interactiveTerminal() {
        return session().getRequest().isInteractiveMode() && System.console() != null;
    }
}
