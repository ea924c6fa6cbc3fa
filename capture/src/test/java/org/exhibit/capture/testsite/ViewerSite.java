package org.exhibit.capture.testsite;

import com.sun.net.httpserver.HttpExchange;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pages whose content arrives late, over plain HTTP on 127.0.0.1: a document viewer in the manner of PDF.js (after
 * the load event it waits 300 to 800 ms on a timer, fetches its worker script, then the PDF, and only then shows
 * "Page 1 of N" and the page's image), and a page that keeps a long-poll request open and never answers it.
 */
public final class ViewerSite implements AutoCloseable {
    /** The colour that fills the rendered page image, to look for in screenshots. */
    public static final int PAGE_RGB = 0xcc3311;
    /** Pages in the served PDF. */
    public static final int PDF_PAGES = 2;
    /** Each viewer load waits the next of these after the load event before it starts fetching. */
    static final int[] DELAYS_MS = {300, 800, 450, 700, 350, 600, 500, 750, 400, 650};

    private final Loopback server;
    private final AtomicInteger loads = new AtomicInteger();
    private final byte[] pageImage = pageImage();
    private final byte[] pdf = pdf(PDF_PAGES);

    private ViewerSite() throws IOException {
        server = Loopback.serve("viewer-site", this::handle);
    }

    public static ViewerSite start() throws IOException {
        return new ViewerSite();
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        try (ex) {
            switch (path) {
                case "/viewer.html" -> Loopback.bytes(ex, "text/html; charset=utf-8", viewer(
                        DELAYS_MS[Math.floorMod(loads.getAndIncrement(), DELAYS_MS.length)]).getBytes(StandardCharsets.UTF_8));
                case "/viewer/worker.js" -> Loopback.bytes(ex, "text/javascript", "self.ready = true;\n".getBytes(StandardCharsets.UTF_8));
                case "/doc.pdf" -> Loopback.bytes(ex, "application/pdf", pdf);
                case "/doc/page1.png" -> Loopback.bytes(ex, "image/png", pageImage);
                case "/poll.html" -> Loopback.bytes(ex, "text/html; charset=utf-8", ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                        + "<title>Live</title></head><body><h1>Live updates</h1><script>fetch('/poll').then(r => r.text())"
                        + ".then(t => document.body.append(t));</script></body></html>").getBytes(StandardCharsets.UTF_8));
                case "/poll" -> {
                    try {
                        Thread.sleep(120_000); // a long poll that never answers within any capture's bounds
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> ex.sendResponseHeaders(404, -1);
            }
        } catch (IOException e) {
            // the browser went away mid-response
        }
    }

    /** The viewer: "0 of 0" until its late fetches are done, then the page count read from the PDF and the page image. */
    private static String viewer(int delayMs) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>doc.pdf</title></head>"
                + "<body style=\"margin:0;font:20px sans-serif;background:#fff\">"
                + "<div id=\"toolbar\" style=\"height:40px\">Page <span id=\"num\">0</span> of <span id=\"count\">0</span></div>"
                + "<div id=\"viewer\" style=\"width:600px;height:400px\"></div>"
                + "<script>addEventListener('load', () => setTimeout(async () => {"
                + "await (await fetch('/viewer/worker.js')).text();"
                + "const pdf = new TextDecoder('latin1').decode(await (await fetch('/doc.pdf')).arrayBuffer());"
                + "if (!pdf.startsWith('%PDF-')) return;"
                + "const pages = (pdf.match(/\\/Type\\s*\\/Page\\b/g) || []).length;"
                + "const img = new Image(); img.alt = 'page 1'; img.width = 600; img.height = 400;"
                + "img.onload = () => { document.getElementById('viewer').append(img);"
                + "document.getElementById('num').textContent = '1';"
                + "document.getElementById('count').textContent = String(pages); };"
                + "img.src = '/doc/page1.png';"
                + "}, " + delayMs + "));</script></body></html>";
    }

    /** A minimal PDF of {@code pages} empty pages, with a correct cross-reference table. */
    static byte[] pdf(int pages) {
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(3 + i).append(" 0 R ");
        }
        java.util.List<String> objects = new java.util.ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [" + kids.toString().strip() + "] /Count " + pages + " >>");
        for (int i = 0; i < pages; i++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
        }
        StringBuilder b = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = b.length();
            b.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = b.length();
        b.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int off : offsets) {
            b.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n", off));
        }
        b.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] pageImage() {
        BufferedImage img = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(PAGE_RGB));
        g.fillRect(0, 0, 600, 400);
        g.dispose();
        return Loopback.encode(img, "png");
    }

    @Override
    public void close() {
        server.close();
    }
}
