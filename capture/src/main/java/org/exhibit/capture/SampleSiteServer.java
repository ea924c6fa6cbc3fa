package org.exhibit.capture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a directory of static files on 127.0.0.1 (GET and HEAD only, nothing outside the directory, no
 * listing), for {@code exhibit demo} and tests: {@code samples/site/} is captured from it.
 *
 * <pre>{@code
 * try (SampleSiteServer site = SampleSiteServer.start(Path.of("samples/site"))) {
 *     List<String> urls = site.links(Path.of("samples/links.txt"));   // {base}/post.html -> http://127.0.0.1:PORT/post.html
 * }
 * }</pre>
 */
public final class SampleSiteServer implements AutoCloseable {
    /** Stands for the server's base URL ({@code http://127.0.0.1:PORT}, no trailing slash) in a links file. */
    public static final String BASE = "{base}";
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"));

    private final Path root;
    private final HttpServer server;
    private final ExecutorService pool;

    private SampleSiteServer(Path root, HttpServer server, ExecutorService pool) {
        this.root = root;
        this.server = server;
        this.pool = pool;
    }

    /** Serves {@code dir} on 127.0.0.1 at a free port. */
    public static SampleSiteServer start(Path dir) throws IOException {
        return start(dir, 0);
    }

    /** Serves {@code dir} on 127.0.0.1 at {@code port} (0 for a free one). */
    public static SampleSiteServer start(Path dir, int port) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("expected a directory of sample pages, got " + dir);
        }
        Path root = dir.toRealPath();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "sample-site");
            t.setDaemon(true);
            return t;
        });
        SampleSiteServer site = new SampleSiteServer(root, server, pool);
        server.createContext("/", site::handle);
        server.setExecutor(pool);
        server.start();
        return site;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Reads a links file: one URL a line, blank lines and lines starting with {@code #} skipped, {@value #BASE}
     * replaced by {@link #base()}.
     */
    public List<String> links(Path file) throws IOException {
        List<String> urls = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                urls.add(l.replace(BASE, base().toString()));
            }
        }
        return urls;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "GET or HEAD only\n");
                return;
            }
            String path = ex.getRequestURI().getPath();
            Path file = resolve(path.endsWith("/") ? path + "index.html" : path);
            if (file == null) {
                send(ex, 404, "text/html; charset=utf-8", "<!DOCTYPE html><title>Not found</title><h1>Not found</h1>\n");
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            ex.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            long size = Files.size(file);
            if (method.equals("HEAD")) {
                ex.getResponseHeaders().set("Content-Length", Long.toString(size));
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, size == 0 ? -1 : size);
            try (InputStream in = Files.newInputStream(file); OutputStream out = ex.getResponseBody()) {
                in.transferTo(out);
            }
        }
    }

    /** The regular file under the root for a URL path, or null; never follows a path out of the root. */
    private Path resolve(String urlPath) {
        try {
            Path p = root.resolve(urlPath.substring(1)).normalize();
            if (!p.startsWith(root) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            return p.toRealPath().startsWith(root) ? p : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
