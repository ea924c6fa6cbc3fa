package org.exhibit.capture.testsite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;

/** A test site's HTTP server on 127.0.0.1, any free port, its threads daemons; and the images such sites serve. */
final class Loopback implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService pool;

    private Loopback(HttpServer http, ExecutorService pool) {
        this.http = http;
        this.pool = pool;
    }

    /** Starts serving every path with {@code handler}, on threads named {@code name}. */
    static Loopback serve(String name, HttpHandler handler) throws IOException {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", handler);
        http.setExecutor(pool);
        http.start();
        return new Loopback(http, pool);
    }

    int port() {
        return http.getAddress().getPort();
    }

    /** Answers 200 with {@code body} as {@code type}, not to be cached. */
    static void bytes(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** An image encoded in {@code format} (png, jpg, gif ...) by ImageIO. */
    static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
    }
}
