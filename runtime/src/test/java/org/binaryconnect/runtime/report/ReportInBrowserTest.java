package org.binaryconnect.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens {@code report.html} in headless Chromium (Debian's {@code chromium} package): the page's script must find both
 * charts loaded and the final figures must be on the rendered page. A screenshot stays in the build output,
 * {@value #SCREENSHOT}, for a person to look at. Without Chromium this fails rather than skips: a report nobody opened
 * is not tested.
 */
class ReportInBrowserTest {

    static final String SCREENSHOT = "target/report-screenshot.png";
    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern CHARTS_LOADED = Pattern.compile("<body[^>]*\\sdata-charts-loaded=\"(\\d+)\"");

    @TempDir
    Path profile;

    @Test
    void theChartsLoadAndTheFinalFiguresAreOnThePage() throws Exception {
        Path chromium = chromium();
        Path report = writeReport();

        String dom = run(chromium, "dump-dom", "--dump-dom", report.toUri().toString());

        Matcher loaded = CHARTS_LOADED.matcher(dom);
        assertTrue(loaded.find(), "the page's load script did not run:\n" + dom);
        assertEquals(2, Integer.parseInt(loaded.group(1)), "charts loaded");
        assertTrue(dom.contains("<dd id=\"test-accuracy\">0.8713</dd>"), dom);
        assertTrue(dom.contains("<dd id=\"best-epoch\">10 of 12</dd>"), dom);
        assertTrue(dom.contains("Training report: Mlp&lt;b&gt;&amp;\"Q\""), dom);
        assertTrue(dom.contains("<dd id=\"test-binary-accuracy\">0.8312</dd>"), dom);
        assertTrue(dom.contains("<td>0</td><td>T-shirt/top</td>"), dom);
        assertTrue(dom.contains("<table id=\"summary\">"), dom);
    }

    @Test
    void aScreenshotOfThePageIsLeftInTheBuildOutput() throws Exception {
        Path chromium = chromium();
        Path report = writeReport();
        Path screenshot = Path.of(SCREENSHOT).toAbsolutePath();
        Files.deleteIfExists(screenshot);

        run(chromium, "screenshot", "--hide-scrollbars", "--window-size=1280,1600", "--screenshot=" + screenshot,
                report.toUri().toString());

        assertTrue(Files.isRegularFile(screenshot), "no screenshot at " + screenshot);
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertNotNull(image, screenshot + " is not a PNG");
        assertEquals(1280, image.getWidth());
        assertEquals(1600, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        // Text alone gives a few dozen greys; the charts' colours push it well past that.
        assertTrue(colours.size() > 100, "a nearly empty screenshot: " + colours.size() + " colours");
    }

    /** The report of the fixture run, under target/ so that the screenshot's page can be opened too. */
    private static Path writeReport() throws IOException {
        Path directory = Path.of("target", "report-in-browser", "Mlp").toAbsolutePath();
        // a stochastic network on named classes: every section the page can have
        TrainingReport.write(directory, ReportFixtures.stochasticInputs(directory, ReportFixtures.FASHION_MNIST));
        return directory.resolve(TrainingReport.REPORT_HTML);
    }

    /**
     * Runs headless Chromium with {@code arguments} and returns its standard output. Each run gets its own profile
     * directory, so that runs in parallel (other builds, other tests) never share Chromium's profile lock.
     */
    private String run(Path chromium, String name, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--user-data-dir=" + profile.resolve(name), "--virtual-time-budget=5000"));
        command.addAll(List.of(arguments));
        Path stdout = profile.resolve(name + ".out");
        Path stderr = profile.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command + "\n" + tail(stderr));
        }
        assertEquals(0, process.exitValue(), "chromium failed: " + command + "\n" + tail(stderr));
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** Debian's chromium on the PATH; a clear failure, not a skip, without it. */
    static Path chromium() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "chromium");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("chromium is not on the PATH: this test opens report.html in headless Chromium. Install it with "
                + "`apt-get install chromium` (Debian's package).");
    }
}
