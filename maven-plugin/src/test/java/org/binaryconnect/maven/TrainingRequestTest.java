package org.binaryconnect.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingRequestTest {

    @Test
    void resolvesRelativePathsAgainstTheProject() {
        assertEquals(new File("/work/project/data"), TrainingRequest.resolve(new File("/work/project"), new File("data")));
        assertEquals(new File("/usr/share/datasets/fashion-mnist"), TrainingRequest.resolve(new File("/work/project"),
                new File("/usr/share/datasets/fashion-mnist")));
    }

    @Test
    void splitsJvmArgsOnWhitespace() {
        assertEquals(List.of("-Xmx4g", "-XX:+UseParallelGC"), TrainingRequest.splitJvmArgs("  -Xmx4g \n -XX:+UseParallelGC "));
        assertEquals(List.of(), TrainingRequest.splitJvmArgs(" "));
        assertEquals(List.of(), TrainingRequest.splitJvmArgs(null));
    }
}
