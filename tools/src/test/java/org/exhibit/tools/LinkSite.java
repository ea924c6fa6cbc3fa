package org.exhibit.tools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The batch test site on 127.0.0.1 (JDK HttpServer, port 0): tiny pages, so that hundreds of real browser
 * captures stay quick. {@code /fast/N} 200; {@code /slow/N} 200 after 1.5 s; {@code /redirect/N} 302 to
 * {@code /fast/rN}; {@code /missing/N} 404 and {@code /error/N} 500, each an HTML page. Failing URLs point at
 * a loopback port held bound but never listened on (connection refused).
 */
public final class LinkSite implements AutoCloseable {
    /** What each kind of link must end as. */
    public static final Map<String, String> EXPECTED = Map.of("fast", "complete", "slow", "complete",
            "redirect", "complete", "missing", "complete", "error", "complete", "refused", "failed");
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "link-site");
        t.setDaemon(true);
        return t;
    });
    private final Socket refusing;
    private final int closedPort;

    public LinkSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
        // a port bound but never listened on: connections to it are refused, and no other socket (a browser's,
        // chromedriver's, the Grid's) can take it while the site runs, as one could a port merely closed again
        refusing = new Socket();
        refusing.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        closedPort = refusing.getLocalPort();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * {@code n} links, mixed: of every 20, 12 fast, 2 slow, 2 redirecting, 2 missing (404), 1 error (500),
     * 1 refused. Keys are the URLs, values the kind.
     */
    public Map<String, String> links(int n) {
        Map<String, String> links = new LinkedHashMap<>();
        String[] pattern = {"fast", "fast", "slow", "fast", "redirect", "fast", "missing", "fast", "fast", "error",
                "fast", "refused", "fast", "redirect", "fast", "missing", "fast", "slow", "fast", "fast"};
        for (int i = 0; i < n; i++) {
            String kind = pattern[i % pattern.length];
            String url = kind.equals("refused") ? "http://127.0.0.1:" + closedPort + "/gone/" + i : base() + "/" + kind + "/" + i;
            links.put(url, kind);
        }
        return links;
    }

    /** A CSV link list of {@code links} with a platform and username per row. */
    public static String csv(Map<String, String> links) {
        List<String> rows = new ArrayList<>(List.of("url,platform,username,notes"));
        int i = 0;
        for (var e : links.entrySet()) {
            rows.add(e.getKey() + ",test-site,\"user, " + (i++) + "\"," + e.getValue());
        }
        return String.join("\n", rows) + "\n";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String[] parts = ex.getRequestURI().getPath().split("/");
            String kind = parts.length > 1 ? parts[1] : "";
            String n = parts.length > 2 ? parts[2] : "";
            switch (kind) {
                case "fast" -> page(ex, 200, "Post " + n);
                case "slow" -> {
                    sleep(1500);
                    page(ex, 200, "Slow post " + n);
                }
                case "redirect" -> {
                    ex.getResponseHeaders().add("Location", "/fast/r" + n);
                    ex.sendResponseHeaders(302, -1);
                }
                case "missing" -> page(ex, 404, "Not found " + n);
                case "error" -> page(ex, 500, "Server error " + n);
                default -> page(ex, 404, "Nothing here");
            }
        } catch (IOException e) {
            // the browser went away; nothing to do
        }
    }

    private static void page(HttpExchange ex, int status, String title) throws IOException {
        byte[] body = ("<!doctype html><html><head><title>" + title + "</title><link rel=icon href=data:,></head>"
                + "<body><h1>" + title + "</h1><p>posted by someone</p></body></html>").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            refusing.close();
        } catch (IOException ignored) {
            // a bound socket that never connected
        }
    }

    /**
     * For {@code bench/batch-bench.sh}: serves the site, writes {@code N} links as CSV to {@code args[1]} and as
     * plain text to {@code args[2]}, then runs until killed.
     */
    public static void main(String[] args) throws Exception {
        LinkSite site = new LinkSite();
        Map<String, String> links = site.links(Integer.parseInt(args[0]));
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), csv(links));
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[2]), String.join("\n", links.keySet()) + "\n");
        System.out.println(site.base());
        Thread.currentThread().join();
    }
}
