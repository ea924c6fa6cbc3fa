package org.exhibit.metadata;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the shared PDQ vectors and this module's fixtures. */
public final class TestData {
    private TestData() {
    }

    /**
     * {@code shared/testdata/pdq}, found beside the repository (or any folder above the module), or named by
     * the system property {@code exhibit.testdata}. Missing vectors fail the test: they are not optional.
     */
    public static Path pdqVectors() {
        String given = System.getProperty("exhibit.testdata");
        if (given != null) {
            return Path.of(given, "pdq");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/testdata/pdq/expected.csv");
            if (Files.isRegularFile(candidate)) {
                return candidate.getParent();
            }
        }
        throw new AssertionError("shared/testdata/pdq not found above " + Path.of("").toAbsolutePath()
                + "; set -Dexhibit.testdata=DIR");
    }

    /** A file under src/test/resources. */
    public static Path resource(String name) {
        try {
            var url = TestData.class.getResource("/" + name);
            if (url == null) {
                throw new AssertionError("missing test resource " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
