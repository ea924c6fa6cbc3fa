package org.exhibit.capture.testsite;

import com.sun.net.httpserver.HttpExchange;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Pages that never finish, over plain HTTP on 127.0.0.1: {@code /stalled-image.html} shows a heading, a picture that
 * loads and one whose response head and first {@link #STALL_SENT} bytes come and then nothing more, ever (so the
 * load event never fires); {@code /long-poll.html} keeps asking {@code /news} for news, which answers after
 * {@link #POLL_MS}, forever.
 */
public final class StallSite implements AutoCloseable {
    /** Bytes of the stalled image sent before it stalls (of the {@link #STALL_LENGTH} its head announces). */
    public static final int STALL_SENT = 200;
    public static final int STALL_LENGTH = 50_000;
    /** How long {@code /news} takes to answer. */
    public static final long POLL_MS = 25_000;
    /** The text both pages show. */
    public static final String HEADING = "Evidence that never finishes loading";

    private final Loopback server;
    private final byte[] picture = picture();

    private StallSite() throws IOException {
        server = Loopback.serve("stall-site", this::handle);
    }

    public static StallSite start() throws IOException {
        return new StallSite();
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        try (ex) {
            switch (path) {
                case "/stalled-image.html" -> Loopback.bytes(ex, "text/html; charset=utf-8", ("<!DOCTYPE html><html><head>"
                        + "<meta charset=\"utf-8\"><title>Stalled</title></head><body><h1>" + HEADING + "</h1>"
                        + "<img src=\"/ok.png\" width=\"200\" height=\"100\" alt=\"ok\">"
                        + "<img src=\"/stall.png\" width=\"200\" height=\"100\" alt=\"stalled\"></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
                case "/long-poll.html" -> Loopback.bytes(ex, "text/html; charset=utf-8", ("<!DOCTYPE html><html><head>"
                        + "<meta charset=\"utf-8\"><title>Live</title></head><body><h1>" + HEADING + "</h1>"
                        + "<img src=\"/ok.png\" width=\"200\" height=\"100\" alt=\"ok\"><div id=\"news\"></div>"
                        + "<script>async function poll() { try { const r = await fetch('/news?t=' + Date.now());"
                        + " document.getElementById('news').append(await r.text()); } catch (e) {}"
                        + " setTimeout(poll, 0); } poll();</script></body></html>").getBytes(StandardCharsets.UTF_8));
                case "/ok.png" -> Loopback.bytes(ex, "image/png", picture);
                case "/stall.png" -> {
                    ex.getResponseHeaders().set("Content-Type", "image/png");
                    ex.sendResponseHeaders(200, STALL_LENGTH);
                    OutputStream out = ex.getResponseBody();
                    out.write(Arrays.copyOf(picture, STALL_SENT));
                    out.flush();
                    sleep(600_000); // the rest never comes
                }
                case "/news" -> {
                    sleep(POLL_MS);
                    Loopback.bytes(ex, "text/plain", "news ".getBytes(StandardCharsets.UTF_8));
                }
                default -> ex.sendResponseHeaders(404, -1);
            }
        } catch (IOException e) {
            // the browser or the proxy went away mid-response
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] picture() {
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x2266aa));
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        return Loopback.encode(img, "png");
    }

    @Override
    public void close() {
        server.close();
    }
}
