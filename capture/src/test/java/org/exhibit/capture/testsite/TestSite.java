package org.exhibit.capture.testsite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small site served by the JDK's HttpServer and HttpsServer on 127.0.0.1, port 0: the same paths over
 * HTTP and over HTTPS with a self-signed certificate made for the test.
 */
public final class TestSite implements AutoCloseable {
    public static final byte[] PNG = png();
    /** A page whose images come gzip'd, chunked, brotli'd and zstd'd. */
    public static final String GALLERY = "<!doctype html><html><head><title>Gallery</title></head><body>"
            + "<img src=\"/image.png.gz\"><img src=\"/chunked\"><img src=\"/coded/br/image.png\">"
            + "<img src=\"/coded/zstd/chunked.png\"><p>done</p></body></html>";
    /** 3 MiB of seeded random bytes: more than the proxy keeps in memory per message. */
    public static final byte[] BIG = big();
    public static final String PAGE = "<!doctype html><html><head><title>Test page</title></head><body><p>Hello</p>"
            + "<img src=\"/image.png\"></body></html>";
    private final HttpServer http;
    private final HttpsServer https;
    private final X509Certificate certificate;
    private final CountDownLatch release = new CountDownLatch(1);
    /** Remote ports seen per path prefix, to tell kept-alive connections apart. */
    public final Set<Integer> remotePorts = ConcurrentHashMap.newKeySet();
    /** Bytes of each body as the server sent them on the wire, after content coding, by path. */
    public final Map<String, byte[]> sent = new ConcurrentHashMap<>();

    public TestSite() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        KeyPair keys = gen.generateKeyPair();
        certificate = selfSigned(keys);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("site", keys.getPrivate(), new char[0], new X509Certificate[] {certificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, new SecureRandom());
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        for (HttpServer s : new HttpServer[] {http, https}) {
            s.createContext("/", this::handle);
            s.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "test-site");
                t.setDaemon(true);
                return t;
            }));
            s.start();
        }
    }

    public String http(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    public String https(String path) {
        return "https://127.0.0.1:" + https.getAddress().getPort() + path;
    }

    public int httpsPort() {
        return https.getAddress().getPort();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    private void handle(HttpExchange ex) throws IOException {
        remotePorts.add(ex.getRemoteAddress().getPort());
        String path = ex.getRequestURI().getPath();
        ex.getRequestBody().readAllBytes();
        try (ex) {
            if (path.startsWith("/coded/")) { // /coded/<coding>/image.png
                String coding = path.split("/")[2];
                byte[] wire = Codings.encode(coding, PNG);
                sent.put(path, wire);
                ex.getResponseHeaders().set("Content-Type", "image/png");
                ex.getResponseHeaders().set("Content-Encoding", coding.equals("rawdeflate") ? "deflate" : coding);
                ex.sendResponseHeaders(200, path.endsWith("chunked.png") ? 0 : wire.length);
                ex.getResponseBody().write(wire);
                return;
            }
            switch (path) {
                case "/gallery" -> send(ex, 200, "text/html; charset=utf-8", GALLERY.getBytes(StandardCharsets.UTF_8), true);
                case "/page" -> send(ex, 200, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8), false);
                case "/image.png" -> send(ex, 200, "image/png", PNG, false);
                case "/gzip" -> send(ex, 200, "text/plain", "gzip me ".repeat(500).getBytes(StandardCharsets.UTF_8), true);
                case "/image.png.gz" -> send(ex, 200, "image/png", PNG, true);
                case "/chunked" -> chunked(ex, "image/png", PNG);
                case "/big" -> chunked(ex, "video/mp4", BIG);
                case "/slow" -> {
                    sleep(3000);
                    send(ex, 200, "text/plain", "slow but here".getBytes(StandardCharsets.UTF_8), false);
                }
                case "/never" -> {
                    ex.getResponseHeaders().set("Content-Type", "text/plain");
                    ex.sendResponseHeaders(200, 0);
                    ex.getResponseBody().write("partial ".getBytes(StandardCharsets.UTF_8));
                    ex.getResponseBody().flush();
                    await();
                }
                case "/hang" -> await();
                case "/missing" -> send(ex, 404, "text/html", "<h1>Not here</h1>".getBytes(StandardCharsets.UTF_8), false);
                case "/broken" -> send(ex, 500, "text/html", "<h1>Server error</h1>".getBytes(StandardCharsets.UTF_8), false);
                case "/echo" -> send(ex, 200, "text/plain", ex.getRequestMethod().getBytes(StandardCharsets.UTF_8), false);
                default -> send(ex, 404, "text/plain", "no such path".getBytes(StandardCharsets.UTF_8), false);
            }
        }
    }

    private void send(HttpExchange ex, int status, String type, byte[] body, boolean gzip) throws IOException {
        byte[] wire = gzip ? gzip(body) : body;
        sent.put(ex.getRequestURI().getPath(), wire);
        ex.getResponseHeaders().set("Content-Type", type);
        if (gzip) {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        ex.sendResponseHeaders(status, wire.length);
        ex.getResponseBody().write(wire);
    }

    private void chunked(HttpExchange ex, String type, byte[] body) throws IOException {
        sent.put(ex.getRequestURI().getPath(), body);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, 0); // 0: chunked transfer coding
        OutputStream out = ex.getResponseBody();
        int step = body.length > 100_000 ? 64 * 1024 : 100;
        for (int i = 0; i < body.length; i += step) {
            out.write(body, i, Math.min(step, body.length - i));
            out.flush();
        }
    }

    private void await() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    private static X509Certificate selfSigned(KeyPair keys) throws Exception {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=test-site.invalid");
        var b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(10))), name, keys.getPublic())
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static byte[] big() {
        byte[] b = new byte[3 << 20];
        new java.util.Random(42).nextBytes(b);
        return b;
    }

    /** A real PNG (1x1 grey) padded with a tEXt chunk so it has some size. */
    private static byte[] png() {
        try {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 40; x++) {
                for (int y = 0; y < 30; y++) {
                    img.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | ((x + y) * 3));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release.countDown();
        http.stop(0);
        https.stop(0);
    }
}
