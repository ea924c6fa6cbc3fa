package org.exhibit.report;

import java.nio.file.Files;
import java.nio.file.Path;
import org.exhibit.report.depiction.ImageMode;

/**
 * Not a test: the benchmark behind {@code bench/report-500.sh}. {@code make DIR N} builds a case of N captures
 * (each with a 1280×800 screenshot and a photo, as {@link CaseFixture} makes them); {@code render DIR OUT} writes
 * its HTML and PDF reports in one pass, as {@code exhibit report} does, and prints the time taken.
 */
public final class ReportBenchmark {
    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("make")) {
            Path dir = Files.createDirectories(Path.of(args[1]));
            CaseFixture.create(dir, Integer.parseInt(args[2]), 1);
            System.out.println("made " + dir + " with " + args[2] + " captures");
        } else if (args.length == 3 && args[0].equals("render")) {
            long t0 = System.nanoTime();
            try (CaseReport report = CaseReport.open(Path.of(args[1]))) {
                long t1 = System.nanoTime();
                report.writeTo(Path.of(args[2]), ImageMode.BLURRED);
                long t2 = System.nanoTime();
                System.out.printf("entries %d  open %.2f s  html+pdf %.2f s  total %.2f s%n",
                        report.entries().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9);
            }
        } else {
            System.err.println("usage: ReportBenchmark make DIR N | render DIR OUT");
        }
    }
}
