package org.exhibit.tools;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real Selenium Grid 4 standalone (the {@code selenium-grid} artifact) as a child JVM on 127.0.0.1, with the
 * Debian chromedriver and Chromium configured and Selenium Manager off: nothing is downloaded.
 */
final class SeleniumGrid implements AutoCloseable {
    private final Process process;
    private final int port;

    private SeleniumGrid(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SeleniumGrid start(Path dir, int sessions) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("grid.toml");
        Files.writeString(config, """
                [server]
                host = "127.0.0.1"
                port = %d

                [node]
                detect-drivers = false
                selenium-manager = false
                max-sessions = %d
                override-max-sessions = true

                [[node.driver-configuration]]
                display-name = "Debian Chromium"
                stereotype = '{"browserName": "chrome", "goog:chromeOptions": {"binary": "/usr/bin/chromium"}}'
                webdriver-executable = "/usr/bin/chromedriver"
                max-sessions = %d
                """.formatted(port, sessions, sessions));
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.openqa.selenium.grid.Main", "standalone", "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("grid.log").toFile()).start();
        SeleniumGrid grid = new SeleniumGrid(p, port);
        grid.awaitReady(dir.resolve("grid.log"));
        return grid;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Selenium Grid stopped: " + Files.readString(log));
            }
            try {
                String body = http.send(HttpRequest.newBuilder(url().resolve("/status")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (body.replace(" ", "").contains("\"ready\":true")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("the Selenium Grid was not ready within 120 s: " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        started.forEach(ProcessHandle::destroyForcibly);
    }
}
