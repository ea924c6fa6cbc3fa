package org.exhibit.tools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * A site on 127.0.0.1 whose pages change between runs: {@code /a} answers 410 once {@link #aGone} is set,
 * {@code /b} changes its text with {@link #bEdited}, {@code /c} shows an image with {@link #cImage} (a re-encoded,
 * resized copy of {@link #victimImage}), {@code /d} never changes.
 */
final class RecheckSite implements AutoCloseable {
    volatile boolean aGone;
    volatile boolean bEdited;
    volatile boolean cImage;
    private final HttpServer server;
    private final byte[] reupload;

    RecheckSite() throws IOException {
        reupload = jpeg(scaled(victim(), 0.8), 0.55f);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String page) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + page;
    }

    List<String> urls() {
        return List.of(url("a"), url("b"), url("c"), url("d"));
    }

    /** The victim's own photo (synthetic): shapes and gradients, written as PNG to {@code file}. */
    static void victimImage(Path file) throws IOException {
        ImageIO.write(victim(), "png", file.toFile());
    }

    private static BufferedImage victim() {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                img.setRGB(x, y, new Color((x * 255) / 320, (y * 255) / 240, ((x + y) * 97) % 256).getRGB());
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillOval(40, 30, 120, 120);
        g.setColor(Color.BLACK);
        g.fillRect(190, 100, 90, 110);
        g.setColor(Color.YELLOW);
        g.fillPolygon(new int[] {20, 140, 60}, new int[] {230, 200, 160}, 3);
        g.dispose();
        return img;
    }

    private static BufferedImage scaled(BufferedImage src, double f) {
        int w = (int) (src.getWidth() * f);
        int h = (int) (src.getHeight() * f);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(out);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            switch (ex.getRequestURI().getPath()) {
                case "/a" -> {
                    if (aGone) {
                        page(ex, 410, "Gone", "<p>Gone.</p>");
                    } else {
                        page(ex, 200, "Post A", "<p>A photo posted without consent.</p>");
                    }
                }
                case "/b" -> page(ex, 200, "Post B", bEdited ? "<p>The caption was edited later.</p>"
                        : "<p>The first caption of post B.</p>");
                case "/c" -> page(ex, 200, "Post C", "<p>Post C by someone.</p>"
                        + (cImage ? "<img src=\"/img/c.jpg\" width=256 height=192>" : ""));
                case "/d" -> page(ex, 200, "Post D", "<p>Post D never changes.</p>");
                case "/img/c.jpg" -> {
                    ex.getResponseHeaders().add("Content-Type", "image/jpeg");
                    ex.sendResponseHeaders(200, reupload.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(reupload);
                    }
                }
                default -> page(ex, 404, "Not found", "<p>Nothing here.</p>");
            }
        } catch (IOException e) {
            // the browser went away
        }
    }

    private static void page(HttpExchange ex, int status, String title, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html><head><title>" + title + "</title><link rel=icon href=data:,></head><body><h1>"
                + title + "</h1>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
