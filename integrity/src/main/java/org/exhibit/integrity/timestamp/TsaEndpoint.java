package org.exhibit.integrity.timestamp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A time-stamping authority to ask.
 *
 * <pre>{@code
 * TsaEndpoint.of("http://timestamp.example.org/tsa");   // name "timestamp.example.org"
 * TsaEndpoint.of("http://127.0.0.1:3161/tsr");          // name "127.0.0.1-3161"
 * TsaEndpoint.defaults();                               // the configured public TSAs
 * }</pre>
 *
 * @param name slug used in file names ({@code capture.json.<name>.tsr}, {@code custody/tsa/<name>.pem}):
 *             lower-case letters, digits, '.', '-' only; for a URL its host (and "-port" when the URL
 *             names a port), for Exhibit's in-process TSA "local"
 * @param url  where RFC 3161 requests are POSTed
 */
public record TsaEndpoint(String name, URI url) {
    /** The {@code --tsa} value that asks for Exhibit's in-process TSA; the caller starts a {@link TsaServer}. */
    public static final String LOCAL = "local";
    private static final Pattern NAME = Pattern.compile("[a-z0-9.-]+");
    private static final String DEFAULTS = "default-tsas.txt";

    public TsaEndpoint {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("expected a TSA name of [a-z0-9.-], got " + name);
        }
        if (url == null || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException("expected an http(s) URL for TSA " + name + ", got " + url);
        }
    }

    /**
     * The endpoint for a {@code --tsa} URL. "local" is not a URL: the caller resolves it by starting a
     * {@link TsaServer} and using {@link TsaServer#endpoint()}.
     */
    public static TsaEndpoint of(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("expected a TSA URL or 'local', got nothing");
        }
        if (LOCAL.equals(spec.trim())) {
            throw new IllegalArgumentException("'local' is Exhibit's in-process TSA, not a URL: start a TsaServer");
        }
        URI url;
        try {
            url = new URI(spec.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("expected a TSA URL (http://host/path) or 'local', got " + spec);
        }
        if (url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException("expected a TSA URL (http://host/path) or 'local', got " + spec);
        }
        String slug = url.getHost().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-|-$", "");
        if (url.getPort() >= 0) {
            slug += "-" + url.getPort();
        }
        return new TsaEndpoint(slug, url);
    }

    /** Exhibit's own TSA at {@code url}, named "local". */
    public static TsaEndpoint local(URI url) {
        return new TsaEndpoint(LOCAL, url);
    }

    /**
     * The public TSAs used when no {@code --tsa} is given, from {@code default-tsas.txt} beside this class
     * (one URL a line, '#' starts a comment).
     */
    public static List<TsaEndpoint> defaults() {
        try (InputStream in = TsaEndpoint.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the integrity jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .map(TsaEndpoint::of)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + url + ")";
    }
}
