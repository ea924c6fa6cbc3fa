package org.exhibit.capture.testsite;

import com.sun.net.httpserver.HttpExchange;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/** The pages and images of the {@link CaptureTestSite}. */
final class CaptureTestPages {
    static final int SCREEN = 900;
    static final int TALL_SCREENS = 24;
    static final int[] LAZY_AT = {6, 12, 18, 23};
    static final int[] OBSERVED_AT = {9, 15, 21};

    private final CountDownLatch closing;
    private final Map<String, byte[]> images = new LinkedHashMap<>();

    CaptureTestPages(CountDownLatch closing) {
        this.closing = closing;
        for (int i = 0; i < LAZY_AT.length; i++) {
            images.put("/img/lazy-" + (i + 1) + ".png", png(i * 37, "lazy " + (i + 1)));
        }
        for (int i = 0; i < OBSERVED_AT.length; i++) {
            images.put("/img/observed-" + (i + 1) + ".png", png(100 + i * 41, "observed " + (i + 1)));
        }
        images.put("/img/gps.jpg", CaptureTestSite.gpsJpeg());
        images.put("/img/slow.png", png(200, "slow"));
    }

    Map<String, byte[]> images() {
        return Map.copyOf(images);
    }

    void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.startsWith("/redirect/hops/")) { // /redirect/hops/N: N redirects, then the article
            int n = Integer.parseInt(path.substring("/redirect/hops/".length()));
            redirect(ex, 302, n > 1 ? "/redirect/hops/" + (n - 1) : "/article.html");
            return;
        }
        switch (path) {
            case "/redirect/loop" -> redirect(ex, 302, "/redirect/loop");
            case "/" -> html(ex, 200, page("Exhibit test site", "<ul><li><a href=\"/redirect/301\">article</a>"
                    + "<li><a href=\"/tall.html\">tall</a><li><a href=\"/slow.html\">slow</a></ul>"), false);
            case "/redirect/301" -> redirect(ex, 301, "/redirect/302");
            case "/redirect/302" -> redirect(ex, 302, "/article.html");
            case "/article.html" -> html(ex, 200, page("Test article", "<link rel=\"stylesheet\" href=\"/style.css\">"
                    + "<h1>Test article</h1><p>A photo with a location:</p>"
                    + "<img src=\"/img/gps.jpg\" width=\"96\" height=\"64\" alt=\"photo\"><script src=\"/script.js\"></script>"), true);
            case "/script.js" -> chunked(ex, "text/javascript", "console.log('exhibit test script ran');"
                    + "document.body.dataset.script = 'ran';", false);
            case "/style.css" -> chunked(ex, "text/css", "body { font: 16px sans-serif; color: #222; }\n"
                    + "h1 { color: #036; }\n".repeat(40), true);
            case "/tall.html" -> html(ex, 200, tall(), false);
            case "/one-screen-and-a-pixel.html" -> html(ex, 200, page("One screen and a pixel",
                    "<style>html, body { margin: 0 }</style><div style=\"height: 901px; background: #036\"></div>"), false);
            case "/slow.html" -> html(ex, 200, page("Slow image", "<img src=\"/img/slow.png\" alt=\"slow\">"), false);
            case "/hang.html" -> html(ex, 200, page("Never-ending image", "<p>One image never completes.</p>"
                    + "<img src=\"/img/never.png\" alt=\"never\">"), false);
            case "/img/slow.png" -> {
                await(3);
                bytes(ex, 200, "image/png", images.get(path));
            }
            case "/img/never.png" -> never(ex);
            case "/remember.html" -> {
                ex.getResponseHeaders().add("Set-Cookie", "visitor=seen-before; Path=/; Max-Age=3600");
                ex.getResponseHeaders().add("Cache-Control", "max-age=3600");
                html(ex, 200, page("Remember me", "<script>localStorage.setItem('visitor', 'seen-before');</script>"
                        + "<p>You have been marked.</p>"), false);
            }
            case "/recall.html" -> html(ex, 200, page("Recall", "<p id=\"cookie\">cookie: "
                    + String.valueOf(ex.getRequestHeaders().getFirst("Cookie")) + "</p><p id=\"storage\"></p>"
                    + "<script>document.getElementById('storage').textContent = 'storage: '"
                    + " + localStorage.getItem('visitor');</script>"), false);
            case "/missing.html" -> html(ex, 404, page("Not found", "<h1>404: no such page</h1>"), false);
            case "/broken.html" -> html(ex, 500, page("Server error", "<h1>500: the server failed</h1>"), false);
            default -> {
                byte[] img = images.get(path);
                if (img != null) {
                    bytes(ex, 200, path.endsWith(".jpg") ? "image/jpeg" : "image/png", img);
                } else {
                    html(ex, 404, page("Not found", "<h1>404</h1>"), false);
                }
            }
        }
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
                + body + "</body></html>\n";
    }

    private static String tall() {
        StringBuilder b = new StringBuilder("<style>html,body{margin:0;padding:0}section{height:" + SCREEN
                + "px;box-sizing:border-box;border-bottom:1px solid #ccc;padding:20px;font:20px sans-serif}</style>");
        for (int s = 1; s <= TALL_SCREENS; s++) {
            b.append("<section>Screen ").append(s);
            for (int i = 0; i < LAZY_AT.length; i++) {
                if (LAZY_AT[i] == s) {
                    b.append("<br><img loading=\"lazy\" src=\"/img/lazy-").append(i + 1).append(".png\" width=\"200\" height=\"150\">");
                }
            }
            for (int i = 0; i < OBSERVED_AT.length; i++) {
                if (OBSERVED_AT[i] == s) {
                    b.append("<br><img class=\"observed\" data-src=\"/img/observed-").append(i + 1)
                            .append(".png\" width=\"200\" height=\"150\">");
                }
            }
            b.append("</section>");
        }
        b.append("<script>const io = new IntersectionObserver(es => es.forEach(e => { if (e.isIntersecting) {"
                + " e.target.src = e.target.dataset.src; io.unobserve(e.target); } }));"
                + " document.querySelectorAll('img.observed').forEach(i => io.observe(i));</script>");
        return page("Tall page", b.toString());
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(status, -1);
    }

    private static void html(HttpExchange ex, int status, String html, boolean gzip) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            body = gzip(body);
        }
        bytes(ex, status, "text/html; charset=utf-8", body);
    }

    private static void bytes(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    /** Sent in three flushed pieces with no Content-Length: chunked transfer encoding. */
    private static void chunked(HttpExchange ex, String type, String text, boolean gzip) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            body = gzip(body);
        }
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        int third = body.length / 3;
        out.write(body, 0, third);
        out.flush();
        out.write(body, third, third);
        out.flush();
        out.write(body, 2 * third, body.length - 2 * third);
    }

    /** Promises 5000 bytes, sends the first 100 of a real PNG, then holds the connection until the site closes. */
    private void never(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "image/png");
        ex.sendResponseHeaders(200, 5000);
        ex.getResponseBody().write(images.get("/img/slow.png"), 0, 100);
        ex.getResponseBody().flush();
        await(3600);
    }

    private void await(int seconds) {
        try {
            closing.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] png(int hue, String label) {
        BufferedImage img = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.getHSBColor(hue / 255f, 0.6f, 0.9f));
        g.fillRect(0, 0, 200, 150);
        g.setColor(Color.BLACK);
        g.drawString(label, 20, 80);
        g.dispose();
        return Loopback.encode(img, "png");
    }
}
