package org.exhibit.capture.video;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * GETs through the capture's recording proxy, so that every byte Exhibit fetches for a video is recorded in the
 * WARC like the page's own traffic. HTTPS goes through the proxy's CONNECT and is accepted only from the run's
 * interception CA (the proxy checks the origin's real certificate and records it).
 */
public final class MediaClient {
    private static final int BUFFER = 64 * 1024;

    private final HttpClient http;
    private final String referer;
    private final String userAgent;

    /** What came back: the status, its type, how many bytes were kept, and whether a bound cut them. */
    public record Fetched(int status, String contentType, long bytes, boolean cut) {
        public boolean ok() {
            return status == 200 || status == 206;
        }
    }

    public MediaClient(InetSocketAddress proxy, X509Certificate interceptionCa, String referer, String userAgent) {
        this.http = HttpClient.newBuilder().proxy(ProxySelector.of(proxy)).sslContext(trusting(interceptionCa))
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(15)).build();
        this.referer = referer;
        this.userAgent = userAgent;
    }

    /** A playlist or manifest, read whole as text (at most {@code maxBytes}). */
    String text(String url, int maxBytes, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = http.send(request(url, timeout), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new IOException(url + ": HTTP " + r.statusCode());
            }
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException(url + ": larger than " + maxBytes + " bytes, not a playlist");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Streams a file to {@code to} (replacing it), keeping at most {@code maxBytes} (then {@code cut} is true). */
    public Fetched get(String url, Path to, long maxBytes, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = http.send(request(url, timeout), HttpResponse.BodyHandlers.ofInputStream());
        long n = 0;
        boolean cut = false;
        try (InputStream in = r.body(); OutputStream out = Files.newOutputStream(to)) {
            byte[] buf = new byte[BUFFER];
            for (int k; (k = in.read(buf)) >= 0; ) {
                if (n + k > maxBytes) {
                    out.write(buf, 0, (int) (maxBytes - n));
                    n = maxBytes;
                    cut = true;
                    break;
                }
                out.write(buf, 0, k);
                n += k;
            }
        }
        return new Fetched(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), n, cut);
    }

    private HttpRequest request(String url, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        if (referer != null) {
            b.header("Referer", referer);
        }
        if (userAgent != null) {
            b.header("User-Agent", userAgent);
        }
        return b.build();
    }

    /** Accepts a server certificate only when the interception CA issued it (the proxy's leaf for the host). */
    private static SSLContext trusting(X509Certificate ca) {
        TrustManager tm = new X509ExtendedTrustManager() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                check(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                    throws CertificateException {
                check(chain);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                    throws CertificateException {
                check(chain);
            }

            private void check(X509Certificate[] chain) throws CertificateException {
                if (chain == null || chain.length == 0) {
                    throw new CertificateException("expected the recording proxy's certificate, got none");
                }
                try {
                    chain[0].verify(ca.getPublicKey());
                } catch (GeneralSecurityException e) {
                    throw new CertificateException("expected a certificate from the recording proxy's CA, got "
                            + chain[0].getIssuerX500Principal(), e);
                }
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                    throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                    throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[] {ca};
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for the media client: " + e.getMessage(), e);
        }
    }
}
