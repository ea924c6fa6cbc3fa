package org.exhibit.capture.testsite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The capture test site, served over HTTP and HTTPS (a self-signed certificate made per run) on 127.0.0.1,
 * port 0. Both servers serve the same {@link CaptureTestPages}:
 * <ul>
 * <li>{@code /redirect/301} → 301 → {@code /redirect/302} → 302 → {@code /article.html} (200, gzip), which loads
 *     {@code /img/gps.jpg} (EXIF GPS), {@code /script.js} (chunked) and {@code /style.css} (gzip, chunked)</li>
 * <li>{@code /redirect/loop} → 302 → itself, for ever; {@code /redirect/hops/N} → N redirects, then
 *     {@code /article.html}</li>
 * <li>{@code /tall.html}: 24 screens tall, images loaded only when scrolled into view ({@code loading=lazy} and
 *     an IntersectionObserver)</li>
 * <li>{@code /one-screen-and-a-pixel.html}: 901 px tall, one pixel more than the 900 px viewport</li>
 * <li>{@code /slow.html}: an image answered after 3 seconds; {@code /hang.html}: an image that never completes</li>
 * <li>{@code /missing.html} (404) and {@code /broken.html} (500), each an HTML page</li>
 * </ul>
 */
public final class CaptureTestSite implements AutoCloseable {
    private final HttpServer http;
    private final HttpsServer https;
    private final TestCertificate certificate;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-site");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CaptureTestPages pages;
    private final ConcurrentLinkedQueue<String> requested = new ConcurrentLinkedQueue<>();

    private CaptureTestSite(TestCertificate certificate) throws IOException {
        this.certificate = certificate;
        this.pages = new CaptureTestPages(closing);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        http = HttpServer.create(loopback, 0);
        https = HttpsServer.create(loopback, 0);
        try {
            https.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
        } catch (Exception e) {
            throw new IOException("cannot set up TLS for the test site", e);
        }
        for (HttpServer s : new HttpServer[] {http, https}) {
            s.createContext("/", this::handle);
            s.setExecutor(pool);
            s.start();
        }
    }

    public static CaptureTestSite start() throws Exception {
        return new CaptureTestSite(TestCertificate.create());
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
    }

    public URI https(String path) {
        return URI.create("https://127.0.0.1:" + https.getAddress().getPort() + path);
    }

    public TestCertificate certificate() {
        return certificate;
    }

    /** Every image the site serves, by path, exactly as sent (none is content-encoded). */
    public Map<String, byte[]> images() {
        return pages.images();
    }

    /** The fixture JPEG with EXIF GPS, as the site serves it at {@code /img/gps.jpg}. */
    public static byte[] gpsJpeg() {
        try (InputStream in = CaptureTestSite.class.getResourceAsStream("/fixtures/gps.jpg")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Paths requested so far, in order of arrival, over both servers. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requested.add(exchange.getRequestURI().getPath());
        try (exchange) {
            pages.serve(exchange);
        } catch (IOException e) {
            // the browser went away mid-response (e.g. the never-ending image); nothing to do
        }
    }

    @Override
    public void close() {
        closing.countDown();
        http.stop(0);
        https.stop(0);
        pool.shutdownNow();
    }
}
