package org.exhibit.capture.testsite;

import com.sun.net.httpserver.HttpExchange;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Pages whose text and images hide where a plain DOM read does not look, served over HTTP on 127.0.0.1, port 0;
 * the same server reached as {@code localhost} ({@link #crossOrigin}) is another origin and another site, so
 * Chromium runs its frames out of process.
 * <ul>
 * <li>{@code /gallery.html}: a lightbox gallery showing 200 px thumbnails; the full-size images ({@link #FULL})
 *     are only linked ({@code <a href="/full/1.jpg">}, a plain link to {@code /full/4.gif}) or the larger
 *     candidates of an {@code <img srcset>} and a {@code <picture><source srcset>} with {@code sizes="100px"}, or
 *     the 2x candidate of a density {@code srcset} whose URL has a comma; {@link #SHOWN_WHOLE} is shown whole and
 *     linked</li>
 * <li>{@code /shadow.html}: a web component whose open shadow root holds the text {@link #SHADOW_USER}, and shows
 *     its light-DOM child {@link #SLOTTED} through a slot</li>
 * <li>{@code /embed-host.html}: an iframe of {@code /embed.html} from {@link #crossOrigin}, whose text names
 *     {@link #FRAME_UPLOADER} and which holds a frame of its own origin, {@code /comments.html}, naming
 *     {@link #NESTED_COMMENTER}</li>
 * <li>{@code /decoded.html}: images the page makes itself: a 160 x 90 PNG drawn on a detached canvas (left half
 *     {@link #LEFT}, right half {@link #RIGHT}, some text) shown from a {@code blob:} URL in {@code <img id="made">},
 *     whose bytes the page also puts in the image's {@code data-bytes} attribute as a {@code data:} URL; a canvas
 *     {@code #chart} of 120 x 80 filled {@link #CHART} with a yellow lower right quarter; a canvas {@code #tainted} with a thumbnail from
 *     {@link #crossOrigin} drawn on it (no CORS, so the canvas is tainted); and an 8 x 8 canvas, too small</li>
 * </ul>
 */
public final class PageTextSite implements AutoCloseable {
    public static final String SHADOW_USER = "@shadow_user_42";
    /** Light-DOM text that the shadow root shows through a slot. */
    public static final String SLOTTED = "lives in Lisbon";
    public static final String FRAME_UPLOADER = "@frame_uploader_7";
    /** The text of a frame inside the cross-origin frame. */
    public static final String NESTED_COMMENTER = "@nested_commenter";
    /** The full-size images of the gallery, none of which the page loads itself. */
    public static final List<String> FULL = List.of("/full/1.jpg", "/full/2.png", "/full/3.png", "/full/4.gif",
            "/full/5,large.png");
    /** A full-size image the gallery shows whole and also links to: already loaded, so not fetched again. */
    public static final String SHOWN_WHOLE = "/full/6.jpg";

    /** The colours of the blob image's halves and of the {@code #chart} canvas on {@code /decoded.html}, as RGB. */
    public static final int LEFT = 0xFF0000;
    public static final int RIGHT = 0x0000FF;
    public static final int CHART = 0x008000;
    private final Loopback server;
    private final Map<String, byte[]> images = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<String> requested = new ConcurrentLinkedQueue<>();

    private PageTextSite() throws IOException {
        for (int i = 1; i <= 5; i++) {
            images.put("/thumb/" + i + ".png", image(200, 150, i * 50, "thumb " + i, "png"));
        }
        images.put("/full/1.jpg", image(1600, 1200, 10, "full 1", "jpg"));
        images.put("/full/2.png", image(1600, 1200, 70, "full 2", "png"));
        images.put("/full/3.png", image(1600, 1200, 130, "full 3", "png"));
        images.put("/full/4.gif", image(800, 600, 190, "full 4", "gif"));
        images.put("/full/5,large.png", image(400, 300, 230, "full 5", "png"));
        images.put(SHOWN_WHOLE, image(300, 200, 20, "full 6", "jpg"));
        server = Loopback.serve("page-text-site", this::handle);
    }

    public static PageTextSite start() throws IOException {
        return new PageTextSite();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** The same server as another origin and site: {@code http://localhost:<port>}. */
    public URI crossOrigin(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    /** Every image, by path, exactly as sent. */
    public Map<String, byte[]> images() {
        return Map.copyOf(images);
    }

    /** Paths requested so far, in order of arrival. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            requested.add(path);
            byte[] image = images.get(path);
            if (image != null) {
                String ext = path.substring(path.lastIndexOf('.') + 1);
                send(ex, 200, "image/" + (ext.equals("jpg") ? "jpeg" : ext), image);
                return;
            }
            String html = switch (path) {
                case "/gallery.html" -> page("Gallery", """
                        <h1>Gallery</h1>
                        <a class="lightbox" href="/full/1.jpg"><img src="/thumb/1.png" width="100" alt="one"></a>
                        <img src="/thumb/2.png" srcset="/thumb/2.png 200w, /full/2.png 1600w" sizes="100px" alt="two">
                        <picture>
                          <source type="image/png" srcset="/full/3.png 1600w, /thumb/3.png 200w" sizes="100px">
                          <img src="/thumb/3.png" width="100" alt="three">
                        </picture>
                        <p><a href="/full/4.gif">the fourth, full size</a></p>
                        <img src="/thumb/5.png" srcset="/thumb/5.png 1x, /full/5,large.png 2x" width="100" alt="five">
                        <a href="/full/6.jpg"><img src="/full/6.jpg" width="100" alt="six"></a>
                        <p><a href="/about.html">about</a></p>""");
                case "/shadow.html" -> page("Shadow", """
                        <h1>Profile</h1>
                        <profile-card><i>%s</i></profile-card>
                        <script>
                        customElements.define('profile-card', class extends HTMLElement {
                          connectedCallback() {
                            this.attachShadow({mode: 'open'}).innerHTML =
                                '<style>b { color: #036 }</style><p>posted by <b>%s</b></p><p>bio: <slot></slot></p>';
                          }
                        });
                        </script>""".formatted(SLOTTED, SHADOW_USER));
                case "/embed-host.html" -> page("Embed host", """
                        <h1>A post with an embedded player</h1>
                        <iframe src="%s" width="400" height="200"></iframe>""".formatted(crossOrigin("/embed.html")));
                case "/embed.html" -> page("Embedded player", "<p>uploaded by " + FRAME_UPLOADER + "</p>"
                        + "<iframe src=\"/comments.html\" width=\"300\" height=\"80\"></iframe>");
                case "/comments.html" -> page("Comments", "<p>comment by " + NESTED_COMMENTER + "</p>");
                case "/decoded.html" -> page("Decoded", """
                        <h1>Made in the page</h1>
                        <img id="made" alt="made in the page" width="160" height="90">
                        <canvas id="chart" width="120" height="80"></canvas>
                        <canvas id="tainted" width="100" height="100"></canvas>
                        <canvas width="8" height="8"></canvas>
                        <script>
                        var src = document.createElement('canvas');
                        src.width = 160; src.height = 90;
                        var g = src.getContext('2d');
                        g.fillStyle = '#%06x'; g.fillRect(0, 0, 80, 90);
                        g.fillStyle = '#%06x'; g.fillRect(80, 0, 80, 90);
                        g.fillStyle = '#ffffff'; g.font = '16px sans-serif'; g.fillText('made here', 30, 50);
                        src.toBlob(function (blob) {
                          var made = document.getElementById('made');
                          var reader = new FileReader();
                          reader.onload = function () { made.setAttribute('data-bytes', reader.result); };
                          reader.readAsDataURL(blob);
                          made.src = URL.createObjectURL(blob);
                        }, 'image/png');
                        var chart = document.getElementById('chart').getContext('2d');
                        chart.fillStyle = '#%06x'; chart.fillRect(0, 0, 120, 80);
                        chart.fillStyle = '#ffff00'; chart.fillRect(60, 40, 60, 40);
                        var foreign = new Image();
                        foreign.onload = function () {
                          document.getElementById('tainted').getContext('2d').drawImage(foreign, 0, 0);
                        };
                        foreign.src = '%s';
                        </script>""".formatted(LEFT, RIGHT, CHART, crossOrigin("/thumb/1.png")));
                default -> null;
            };
            if (html == null) {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            } else {
                send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + body
                + "</body></html>";
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    private static byte[] image(int w, int h, int hue, String label, String format) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.getHSBColor(hue / 255f, 0.6f, 0.9f));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.drawString(label, 20, 40);
        g.dispose();
        return Loopback.encode(img, format);
    }

    @Override
    public void close() {
        server.close();
    }
}
