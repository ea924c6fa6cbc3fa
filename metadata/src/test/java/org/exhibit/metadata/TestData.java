package org.exhibit.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the tests find the PDQ reference vectors and this module's fixtures, all under src/test/resources. Other
 * modules' tests reach them through this module's test jar ({@code <type>test-jar</type>}).
 */
public final class TestData {
    private static final String PDQ = "pdq/";

    private TestData() {
    }

    /**
     * The folder of PDQ reference vectors (images and expected.csv, see pdq/README.md in the test resources). From
     * this module's target/test-classes it is that folder itself; from the test jar (another module's tests) the
     * vectors are extracted once per JVM into a temporary folder, deleted when the JVM exits.
     */
    public static Path pdqVectors() {
        return PdqFolder.PATH;
    }

    /** A file under src/test/resources, as a file on disk (this module's own tests only). */
    public static Path resource(String name) {
        URL url = url(name);
        if (!url.getProtocol().equals("file")) {
            throw new AssertionError("test resource " + name + " is not a file on disk: " + url);
        }
        return fileOf(url);
    }

    private static final class PdqFolder {
        static final Path PATH = locate();

        private static Path locate() {
            URL csv = url(PDQ + "expected.csv");
            try {
                return switch (csv.getProtocol()) {
                    case "file" -> fileOf(csv).getParent();
                    case "jar" -> extract(fileOf(((JarURLConnection) csv.openConnection()).getJarFileURL()));
                    default -> throw new AssertionError("cannot read PDQ vectors from " + csv);
                };
            } catch (IOException e) {
                throw new UncheckedIOException("cannot extract the PDQ vectors from " + csv, e);
            }
        }

        private static Path extract(Path jar) throws IOException {
            Path dir = Files.createTempDirectory("exhibit-pdq-");
            dir.toFile().deleteOnExit();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    String name = entry.getName();
                    if (!name.startsWith(PDQ) || entry.isDirectory() || name.indexOf('/', PDQ.length()) >= 0) {
                        continue;
                    }
                    Path target = dir.resolve(name.substring(PDQ.length()));
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    target.toFile().deleteOnExit();
                }
            }
            return dir;
        }
    }

    private static URL url(String name) {
        URL url = TestData.class.getResource("/" + name);
        if (url == null) {
            throw new AssertionError("missing test resource " + name + " (metadata/src/test/resources)");
        }
        return url;
    }

    private static Path fileOf(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError("not a file URL: " + url, e);
        }
    }
}
