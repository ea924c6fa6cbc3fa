package org.exhibit.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Installs Debian packages with apt-get, when this process may (root, apt-get present). */
final class AptInstall {
    private static final Path APT_GET = Path.of("/usr/bin/apt-get");

    private AptInstall() {
    }

    static boolean possible() {
        return Files.isExecutable(APT_GET) && "root".equals(System.getProperty("user.name"));
    }

    static void run(PrintWriter err, String... packages) {
        List<String> install = new ArrayList<>(List.of(APT_GET.toString(), "install", "-y", "-q"));
        install.addAll(List.of(packages));
        exec(err, List.of(APT_GET.toString(), "update", "-q"));
        exec(err, install);
    }

    private static void exec(PrintWriter err, List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            int code = pb.start().waitFor();
            if (code != 0) {
                throw new UsageException(String.join(" ", command) + " exited " + code
                        + "; install the packages yourself: apt-get install -y chromium chromium-driver");
            }
        } catch (IOException e) {
            throw new UsageException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while installing packages", e);
        }
    }
}
