package org.exhibit.capture.batch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many browsers this machine can run at once: one per core, and no more than free memory allows. */
public final class Parallelism {
    /** What one headless Chromium with its renderer, chromedriver and recording proxy takes, roughly. */
    public static final long PER_BROWSER = 600L << 20;

    private Parallelism() {
    }

    /** min(cores, available memory / 600 MB), at least 1. */
    public static int machine() {
        return of(Runtime.getRuntime().availableProcessors(), availableMemory());
    }

    static int of(int cores, long availableBytes) {
        return (int) Math.max(1, Math.min(cores, availableBytes / PER_BROWSER));
    }

    /** MemAvailable from {@code /proc/meminfo} where there is one, else the JVM's view of free physical memory. */
    static long availableMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: ask the JVM
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return PER_BROWSER;
    }
}
