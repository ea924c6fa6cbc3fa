package org.exhibit.capture.testsite;

import com.sun.net.httpserver.HttpExchange;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Pages that stand between a person and the content, over plain HTTP on 127.0.0.1: an age gate, a consent wall,
 * a login wall, a feed that loads more on scrolling and then behind a "Load more" button, a feed that loads
 * more on scrolling only, late and slowly ({@code /slow-feed.html}), and one that appends more from a timer without
 * asking the network ({@code /timer-feed.html}).
 */
public final class InteractSite implements AutoCloseable {
    /** The consent overlay's colour, to look for in screenshots. */
    public static final int CONSENT_RGB = 0xff00aa;
    /** Posts in the feed: 10 at first, 20 more on scrolling, then 10 per "Load more" click. */
    public static final int FEED_POSTS = 80;
    /**
     * Posts in the slow feed: 10 at first, then 10 each time its end comes into view, asked for
     * {@link #SLOW_FEED_DEBOUNCE_MS} after it does and answered {@link #SLOW_FEED_ANSWER_MS} later: longer, in all,
     * than the 0.6 s the capture once waited blind at the bottom of a page.
     */
    public static final int SLOW_FEED_POSTS = 40;
    public static final int SLOW_FEED_DEBOUNCE_MS = 200;
    public static final int SLOW_FEED_ANSWER_MS = 700;
    /** Posts in the timer feed: 10 at first, then 10 made by its script 250 ms after its end comes into view. */
    public static final int TIMER_FEED_POSTS = 30;
    public static final String CONTENT_IMAGE = "/img/content.png";

    private final Loopback server;
    private final ConcurrentLinkedQueue<String> requested = new ConcurrentLinkedQueue<>();
    private final byte[] image = png();

    private InteractSite() throws IOException {
        server = Loopback.serve("interact-site", this::handle);
    }

    public static InteractSite start() throws IOException {
        return new InteractSite();
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** Paths requested so far, in order of arrival. */
    public List<String> requested() {
        return List.copyOf(requested);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requested.add(path);
        try (ex) {
            switch (path) {
                case "/age.html" -> html(ex, page("Adult gallery", "<main id=\"content\"><h1>Gallery</h1></main>"
                        + "<div id=\"age-gate\" style=\"position:fixed;inset:0;background:#202020;color:#fff;padding:80px\">"
                        + "<p>This site contains adult content. You must be 18 or older to enter.</p>"
                        + "<button id=\"leave\" onclick=\"location.href='about:blank'\">Leave</button> "
                        + "<button class=\"enter\">I am 18 or older</button></div>"
                        + "<script>document.querySelector('#age-gate .enter').addEventListener('click', () => {"
                        + "document.getElementById('age-gate').remove();"
                        + "const img = new Image(); img.src = '" + CONTENT_IMAGE + "'; img.alt = 'content';"
                        + "document.getElementById('content').append(img); });</script>"));
                case "/consent.html" -> html(ex, page("News article", "<h1>News article</h1>"
                        + "<p>" + "The article text goes on. ".repeat(40) + "</p>"
                        + "<div class=\"consent-layer\" style=\"position:fixed;inset:0;background:#"
                        + String.format("%06x", CONSENT_RGB) + "\"><div role=\"dialog\" style=\"margin:200px auto;"
                        + "width:500px;background:#fff;padding:20px\"><p>We and our partners use cookies.</p>"
                        + "<button>Settings</button> <button>Accept all</button></div></div>"
                        + "<script>for (const b of document.querySelectorAll('.consent-layer button')) {"
                        + "if (b.textContent === 'Accept all') b.addEventListener('click', () => "
                        + "document.querySelector('.consent-layer').remove()); }</script>"));
                case "/consent-shadow.html" -> html(ex, page("Shop", "<h1>Shop</h1><div id=\"cmp-root\"></div>"
                        + "<script>const root = document.getElementById('cmp-root').attachShadow({mode: 'open'});"
                        + "root.innerHTML = '<div class=\"banner\" style=\"position:fixed;bottom:0;left:0;right:0;"
                        + "background:#eee;padding:20px\"><p>This site uses cookies.</p><button>Deny</button> "
                        + "<button class=\"ok\">Allow all</button></div>';"
                        + "root.querySelector('.ok').addEventListener('click', () => root.querySelector('.banner').remove());"
                        + "</script>"));
                case "/login.html" -> html(ex, page("A post", "<article style=\"filter:blur(8px)\"><p>"
                        + "Someone's post, hidden. ".repeat(20) + "</p></article>"
                        + "<div class=\"login-overlay\" style=\"position:fixed;inset:0;background:rgba(0,0,0,.8);color:#fff\">"
                        + "<div style=\"margin:200px auto;width:400px\"><h2>Log in to see this post</h2>"
                        + "<a href=\"/login-form.html\">Log in</a> <a href=\"/signup.html\">Sign up</a></div></div>"));
                case "/feed.html" -> html(ex, page("Feed", "<style>article{height:240px;border-bottom:1px solid #ccc}</style>"
                        + "<div id=\"feed\"></div><div id=\"sentinel\" style=\"height:1px\"></div>"
                        + "<button id=\"more\" style=\"display:none\">Load more</button>"
                        + "<script>let next = 1;"
                        + "async function load() { const r = await fetch('/feed/posts?from=' + next);"
                        + "document.getElementById('feed').insertAdjacentHTML('beforeend', await r.text()); next += 10;"
                        + "document.getElementById('more').style.display = next > 30 && next <= " + FEED_POSTS
                        + " ? 'block' : 'none'; }"
                        + "load();"
                        + "new IntersectionObserver(es => { if (es.some(e => e.isIntersecting) && next > 1 && next <= 30) load(); })"
                        + ".observe(document.getElementById('sentinel'));"
                        + "document.getElementById('more').addEventListener('click', load);</script>"));
                case "/slow-feed.html" -> html(ex, page("Slow feed", "<style>article{height:240px;border-bottom:1px solid #ccc}</style>"
                        + "<div id=\"feed\"></div><div id=\"sentinel\" style=\"height:1px\"></div>"
                        + "<script>let next = 1, loading = false;"
                        + "async function load(wait) { loading = true;"
                        + "const r = await fetch('/feed/posts?from=' + next + '&wait=' + wait);"
                        + "document.getElementById('feed').insertAdjacentHTML('beforeend', await r.text()); next += 10;"
                        + "loading = false; }"
                        + "load(0);"
                        + "new IntersectionObserver(es => { if (es.some(e => e.isIntersecting) && !loading && next > 1"
                        + " && next <= " + SLOW_FEED_POSTS + ") { loading = true; setTimeout(() => load("
                        + SLOW_FEED_ANSWER_MS + "), " + SLOW_FEED_DEBOUNCE_MS + "); } })"
                        + ".observe(document.getElementById('sentinel'));</script>"));
                case "/timer-feed.html" -> html(ex, page("Timer feed", "<style>article{height:240px;border-bottom:1px solid #ccc}</style>"
                        + "<div id=\"feed\"></div><div id=\"sentinel\" style=\"height:1px\"></div>"
                        + "<script>let next = 1, waiting = false;"
                        + "function add() { let h = ''; for (let i = next; i < next + 10; i++) {"
                        + "h += '<article id=\"post-' + i + '\"><p>Post ' + i + '</p></article>'; }"
                        + "document.getElementById('feed').insertAdjacentHTML('beforeend', h); next += 10; waiting = false; }"
                        + "add();"
                        + "new IntersectionObserver(es => { if (es.some(e => e.isIntersecting) && !waiting && next > 1"
                        + " && next <= " + TIMER_FEED_POSTS + ") { waiting = true; setTimeout(add, 250); } })"
                        + ".observe(document.getElementById('sentinel'));</script>"));
                case "/feed/posts" -> posts(ex);
                case CONTENT_IMAGE -> Loopback.bytes(ex, "image/png", image);
                default -> {
                    ex.sendResponseHeaders(404, -1);
                }
            }
        } catch (IOException e) {
            // the browser went away mid-response
        }
    }

    /** Ten posts from {@code from=N}, answered after {@code wait=MS} when given. */
    private static void posts(HttpExchange ex) throws IOException {
        int from = 0;
        int wait = 0;
        for (String pair : ex.getRequestURI().getQuery().split("&")) {
            int v = Integer.parseInt(pair.substring(pair.indexOf('=') + 1));
            if (pair.startsWith("from=")) {
                from = v;
            } else if (pair.startsWith("wait=")) {
                wait = v;
            }
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + 10 && i <= FEED_POSTS; i++) {
            sb.append("<article id=\"post-").append(i).append("\"><p>Post ").append(i).append("</p></article>");
        }
        Loopback.bytes(ex, "text/html; charset=utf-8", sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body style=\"margin:0;font:16px sans-serif\">" + body + "</body></html>";
    }

    private static void html(HttpExchange ex, String html) throws IOException {
        Loopback.bytes(ex, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] png() {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x336699));
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.WHITE);
        g.drawString("content behind the gate", 20, 100);
        g.dispose();
        return Loopback.encode(img, "png");
    }

    @Override
    public void close() {
        server.close();
    }
}
