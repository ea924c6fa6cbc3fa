package org.exhibit.tools.rdap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The IANA bootstrap registries kept in a folder ({@code $EXHIBIT_HOME/rdap/}): a file missing or older than
 * {@link #MAX_AGE} is fetched from IANA; when IANA cannot be reached, a stale copy is used (with a warning), so
 * that a lookup works offline from the cache.
 */
public final class BootstrapCache {
    /** Where IANA publishes the registries. */
    public static final URI IANA = URI.create("https://data.iana.org/rdap/");
    /** IANA changes them a few times a year; a month-old copy is refreshed. */
    public static final Duration MAX_AGE = Duration.ofDays(30);

    private BootstrapCache() {
    }

    /**
     * Brings the registries in {@code dir} up to date from {@code source} where needed and reads them.
     *
     * @param warnings told, one line each, of a file that could not be refreshed
     * @throws IOException no copy of any registry is there and none could be fetched
     */
    public static Bootstrap load(Path dir, URI source, Duration timeout, Consumer<String> warnings) throws IOException {
        Files.createDirectories(dir);
        HttpClient http = null;
        int present = 0;
        for (String name : Bootstrap.FILES) {
            Path file = dir.resolve(name);
            boolean exists = Files.isRegularFile(file);
            if (exists && Files.getLastModifiedTime(file).toInstant().isAfter(Instant.now().minus(MAX_AGE))) {
                present++;
                continue;
            }
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
            }
            try {
                fetch(http, source.resolve(name), file, timeout);
                present++;
            } catch (IOException e) {
                warnings.accept("cannot fetch the RDAP bootstrap file " + source.resolve(name) + ": " + e.getMessage()
                        + (exists ? "; using the copy of " + Files.getLastModifiedTime(file) : ""));
                present += exists ? 1 : 0;
            }
        }
        if (present == 0) {
            throw new IOException("expected RDAP bootstrap files (dns.json, ipv4.json, ipv6.json) in " + dir
                    + " or from " + source + ", got none: copy them there from a machine online");
        }
        return Bootstrap.read(dir);
    }

    private static void fetch(HttpClient http, URI uri, Path file, Duration timeout) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            HttpResponse<Path> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(part));
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode());
            }
            Bootstrap.services(part); // refuses a file that is not a bootstrap registry
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException e) {
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
