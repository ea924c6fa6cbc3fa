package org.exhibit.capture.testsite;

import com.sun.net.httpserver.HttpExchange;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A site with a members-only page, over plain HTTP on 127.0.0.1: a real login form that POSTs the user name and
 * password, a session cookie set on success (and renewed by each members page), and a members page whose images are
 * sent with a long {@code Cache-Control: max-age}, so a browser that viewed them once has them in its cache. Without
 * the session the page is a login wall.
 */
public final class MembersSite implements AutoCloseable {
    public static final String USER = "dana";
    public static final String PASSWORD = "correct horse battery";
    public static final String COOKIE_NAME = "session";
    public static final List<String> IMAGES = List.of("/members/img/a.png", "/members/img/b.png");
    public static final String POSTER = "jd_poster";

    /** The session cookie's value: base64 with '+', '/' and '=' so that its URL-encoded form differs. */
    private final String token = "s+/" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(24)) + "==";
    private final Loopback server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, byte[]> images = Map.of(IMAGES.get(0), png(0x2288cc), IMAGES.get(1), png(0x88cc22));

    private MembersSite() throws IOException {
        server = Loopback.serve("members-site", this::handle);
    }

    public static MembersSite start() throws IOException {
        return new MembersSite();
    }

    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** The session cookie's value, once logged in. */
    public String token() {
        return token;
    }

    /** How often {@code path} was requested with a valid session. */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    public byte[] image(String path) {
        return images.get(path);
    }

    private boolean loggedIn(HttpExchange ex) {
        return ex.getRequestHeaders().getOrDefault("Cookie", List.of()).stream()
                .flatMap(c -> java.util.Arrays.stream(c.split(";")))
                .anyMatch(c -> c.strip().equals(COOKIE_NAME + "=" + token));
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        boolean in = loggedIn(ex);
        if (in) {
            hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        }
        try (ex) {
            if (path.equals("/login-form.html")) {
                html(ex, 200, page("Log in", "<h1>Log in</h1><form method=\"post\" action=\"/login\">"
                        + "<label>User name <input id=\"username\" name=\"username\"></label>"
                        + "<label>Password <input id=\"password\" name=\"password\" type=\"password\"></label>"
                        + "<button id=\"submit\" type=\"submit\">Log in</button></form>"));
            } else if (path.equals("/login") && ex.getRequestMethod().equals("POST")) {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> form = new java.util.HashMap<>();
                for (String kv : body.split("&")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        form.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
                if (USER.equals(form.get("username")) && PASSWORD.equals(form.get("password"))) {
                    ex.getResponseHeaders().add("Set-Cookie", sessionCookie());
                    ex.getResponseHeaders().set("Location", "/members.html");
                    ex.sendResponseHeaders(303, -1);
                } else {
                    html(ex, 401, page("Log in", "<p>Wrong user name or password.</p>"));
                }
            } else if (path.equals("/members.html")) {
                if (in) {
                    ex.getResponseHeaders().add("Set-Cookie", sessionCookie()); // a sliding session, as sites do
                    html(ex, 200, page("Members", "<h1>Members area</h1><article><p>Posted by " + POSTER
                            + " on 2026-11-02</p><img src=\"" + IMAGES.get(0) + "\" alt=\"a\" width=\"320\" height=\"200\">"
                            + "<img src=\"" + IMAGES.get(1) + "\" alt=\"b\" width=\"320\" height=\"200\"></article>"));
                } else {
                    html(ex, 200, page("A post", "<div class=\"login-overlay\"><h2>Log in to see this post</h2>"
                            + "<a href=\"/login-form.html\">Log in</a></div>"));
                }
            } else if (images.containsKey(path) && in) {
                ex.getResponseHeaders().set("Content-Type", "image/png");
                ex.getResponseHeaders().set("Cache-Control", "private, max-age=86400");
                byte[] png = images.get(path);
                ex.sendResponseHeaders(200, png.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(png);
                }
            } else {
                ex.sendResponseHeaders(images.containsKey(path) ? 403 : 404, -1);
            }
        } catch (IOException e) {
            // the browser went away mid-response
        }
    }

    private String sessionCookie() {
        return COOKIE_NAME + "=" + token + "; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body style=\"margin:0;font:16px sans-serif\">" + body + "</body></html>";
    }

    private static void html(HttpExchange ex, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] png(int rgb) {
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.WHITE);
        g.drawString("members only " + Integer.toHexString(rgb), 20, 100);
        g.dispose();
        return Loopback.encode(img, "png");
    }

    @Override
    public void close() {
        server.close();
    }
}
