package org.exhibit.report;

import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the independent tools the tests check reports with; a missing tool fails the test with an install hint. */
final class ExternalTools {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path PDFTOPPM = Path.of("/usr/bin/pdftoppm");

    private ExternalTools() {
    }

    static void require(Path tool, String aptPackage) {
        if (!Files.isExecutable(tool)) {
            fail(tool + " is missing: install it with 'apt-get install -y " + aptPackage + "'");
        }
    }

    /** Runs a command, failing the test with its output when it does not exit 0 within two minutes. */
    static void run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "tool", ".log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command.get(0) + " did not finish in 120 s: " + Files.readString(log));
        }
        if (p.exitValue() != 0) {
            fail(String.join(" ", command) + " exited " + p.exitValue() + ": " + Files.readString(log));
        }
    }

    /** Headless Chromium: a screenshot of a local HTML file, and its print as PDF. */
    static void chromium(Path workDir, Path html, String... output) throws IOException, InterruptedException {
        require(CHROMIUM, "chromium");
        List<String> cmd = new java.util.ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + Files.createTempDirectory(workDir, "chromium-profile"),
                "--window-size=1200,2600"));
        cmd.addAll(List.of(output));
        cmd.add(html.toUri().toString());
        run(workDir, cmd);
    }

    /** Share of pixels that are not (near) white. */
    static double inked(BufferedImage img) {
        long inked = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 235 || ((rgb >> 8) & 0xff) < 235 || (rgb & 0xff) < 235) {
                    inked++;
                }
            }
        }
        return inked / (double) ((long) img.getWidth() * img.getHeight());
    }

    /** Pixels within {@code tolerance} of {@code rgb} on each channel. */
    static long pixelsNear(BufferedImage img, int rgb, int tolerance) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if (Math.abs(((c >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= tolerance
                        && Math.abs(((c >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= tolerance
                        && Math.abs((c & 0xff) - (rgb & 0xff)) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }
}
