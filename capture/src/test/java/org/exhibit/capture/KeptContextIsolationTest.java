package org.exhibit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.exhibit.capture.browser.BrowserOptions;
import org.exhibit.capture.browser.BrowserPool;
import org.exhibit.capture.browser.BrowserSession;
import org.exhibit.capture.browser.ContextReuse;
import org.exhibit.capture.proxy.Exchange;
import org.exhibit.capture.proxy.InterceptionCa;
import org.exhibit.capture.proxy.ProxyConfig;
import org.exhibit.capture.proxy.RecordingProxy;
import org.exhibit.format.record.BrowserContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's isolation promise for a kept browser context, in real Chromium: what one capture leaves in its context
 * (cookies, HttpOnly included; local and session storage; IndexedDB; Cache Storage; a service worker; the HTTP cache;
 * a permission grant; window.name; history; the same in a cross-site iframe on 127.0.0.2) is seen by a probe page in
 * the same context before clearing (the control: a probe that sees nothing fails) and not by the next capture, which
 * runs in the same context, cleared. A capture that used HTTP authentication gets no reuse: the next one gets a new
 * context and sends no credentials.
 */
class KeptContextIsolationTest {
    private static final String SCRIPT = """
            <script>
            const q = new URLSearchParams(location.search), mode = q.get('mode'), tag = q.get('tag') + (top === self ? '' : '-frame');
            const idb = name => new Promise((ok, no) => { const o = indexedDB.open(name); o.onsuccess = () => { o.result.close(); ok(); }; o.onerror = no; });
            async function set() {
              localStorage.setItem('k', '1'); await caches.open('left'); await idb('left');
              if (top !== self) return {set: 1};
              document.cookie = 'jc=1; max-age=3600'; sessionStorage.setItem('k', '1'); window.name = 'left';
              await navigator.serviceWorker.register('/sw.js'); await navigator.serviceWorker.ready;
              await fetch('/cached.js'); history.pushState({}, '', '#pushed');
              return {set: 1};
            }
            async function probe() {
              const r = {local: localStorage.getItem('k'), caches: (await caches.keys()).join(','),
                idb: (await indexedDB.databases()).map(d => d.name).join(',')};
              if (top !== self) return r;
              Object.assign(r, {cookie: document.cookie, session: sessionStorage.getItem('k'), name: window.name,
                history: history.length, sw: (await navigator.serviceWorker.getRegistrations()).length,
                geolocation: (await navigator.permissions.query({name: 'geolocation'})).state});
              await fetch('/cached.js'); await fetch('/whoami?tag=' + tag);
              return r;
            }
            (async () => { let r; try { r = mode === 'set' ? await set() : await probe(); } catch (e) { r = {error: String(e)}; }
              await fetch('/report?tag=' + tag, {method: 'POST', body: new URLSearchParams(r).toString(), cache: 'no-store'});
            })();
            </script>""";
    private static HttpServer first;
    private static HttpServer second;
    private static final Map<String, Map<String, String>> REPORTS = new ConcurrentHashMap<>();
    private static final List<String> COOKIES = new CopyOnWriteArrayList<>();
    private static final List<String> CREDENTIALS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger CACHED_HITS = new AtomicInteger();

    @TempDir
    Path tmp;

    @BeforeAll
    static void serve() throws IOException {
        first = server("127.0.0.1");
        second = server("127.0.0.2");
    }

    @AfterAll
    static void stop() {
        first.stop(0);
        second.stop(0);
    }

    @Test
    void aClearedContextShowsTheNextCaptureNothingOfTheOneBefore() throws Exception {
        InterceptionCa ca = InterceptionCa.create();
        String a = origin(first);
        try (BrowserPool pool = new BrowserPool(BrowserOptions.defaults(), List.of(ca.spkiSha256Base64()))) {
            // capture 1: a fresh context; a probe first (what a fresh context shows), then the page sets its state
            String kept;
            Map<String, String> fresh;
            RecordingProxy proxy1 = proxy(ca, "1");
            try (BrowserSession s = pool.open(address(proxy1))) {
                assertThat(s.browserContext().state()).isEqualTo(BrowserContext.FRESH);
                kept = contextId(s);
                fresh = visit(s, "probe", "fresh");
                assertThat(fresh).containsEntry("geolocation", "prompt").containsEntry("cookie", "")
                        .containsEntry("sw", "0");
                visit(s, "set", "set");
                s.cdp("Browser.grantPermissions", Map.of("origin", a, "permissions", List.of("geolocation"),
                        "browserContextId", kept));
                int hits = CACHED_HITS.get();
                // the control: the same probe, same context, before clearing, sees every kind of state
                Map<String, String> control = visit(s, "probe", "control");
                assertThat(control).containsEntry("cookie", "jc=1").containsEntry("local", "1")
                        .containsEntry("session", "1").containsEntry("name", "left").containsEntry("caches", "left")
                        .containsEntry("idb", "left").containsEntry("sw", "1").containsEntry("geolocation", "granted");
                assertThat(Integer.parseInt(control.get("history"))).isGreaterThan(Integer.parseInt(fresh.get("history")));
                assertThat(REPORTS.get("control-frame")).containsEntry("local", "1").containsEntry("caches", "left")
                        .containsEntry("idb", "left");
                assertThat(CACHED_HITS.get()).as("the max-age script came from the HTTP cache").isEqualTo(hits);
                assertThat(cookieSent("control")).as("the HttpOnly cookie was sent").contains("hc=1");
                ContextReuse verdict = ReuseVerdict.traffic(proxy1.exchanges());
                assertThat(verdict.reusable()).isTrue();
                assertThat(verdict.origins()).contains(a, origin(second));
                assertThat(verdict.topLevelSites()).contains("http://127.0.0.1");
                s.reuse(verdict);
            }
            int seenByProxy1 = proxy1.exchanges().size();

            // capture 2: the same browser and context, cleared; its probe sees none of it
            RecordingProxy proxy2 = proxy(ca, "2");
            try (BrowserSession s = pool.open(address(proxy2))) {
                assertThat(s.browserContext().state()).isEqualTo(BrowserContext.REUSED_CLEARED);
                assertThat(s.browserContext().earlierCaptures()).isEqualTo(1);
                assertThat(s.browserContext().cleared()).contains("Storage.clearDataForOrigin " + origin(second),
                        "Browser.resetPermissions", "Network.clearBrowserCache");
                assertThat(contextId(s)).as("the kept context").isEqualTo(kept);
                int hits = CACHED_HITS.get();
                Map<String, String> after = visit(s, "probe", "after");
                assertThat(after).as("what the next capture's page sees").isEqualTo(fresh);
                assertThat(REPORTS.get("after-frame")).isEqualTo(REPORTS.get("fresh-frame"))
                        .containsEntry("local", "null").containsEntry("caches", "").containsEntry("idb", "");
                assertThat(CACHED_HITS.get()).as("the max-age script was asked for again").isEqualTo(hits + 1);
                assertThat(cookieSent("after")).isEmpty();
                assertThat(proxy2.exchanges()).extracting(Exchange::uri).anyMatch(u -> u.contains("tag=after"));
                assertThat(proxy1.exchanges()).as("nothing reached the first capture's proxy").hasSize(seenByProxy1);

                // HTTP authentication: seen in this capture (the control), so the context is not reused
                s.driver().get(a.replace("http://", "http://user:secret@") + "/secret");
                visit(s, "probe", "auth-control");
                assertThat(CREDENTIALS).contains("auth-control");
                ContextReuse verdict = ReuseVerdict.traffic(proxy2.exchanges());
                assertThat(verdict.reusable()).isFalse();
                s.reuse(verdict);
            }
            RecordingProxy proxy3 = proxy(ca, "3");
            try (BrowserSession s = pool.open(address(proxy3))) {
                assertThat(s.browserContext().state()).isEqualTo(BrowserContext.FRESH);
                assertThat(s.browserContext().freshBecause()).contains("authentication");
                assertThat(contextId(s)).isNotEqualTo(kept);
                visit(s, "probe", "auth-after");
                assertThat(CREDENTIALS).doesNotContain("auth-after");
            }
            for (RecordingProxy p : List.of(proxy1, proxy2, proxy3)) {
                p.close();
            }
        }
    }

    @Test
    void strictTransportSecurityOrCredentialsEndTheContext() {
        Exchange plain = exchange(Map.of(), 200, Map.of());
        assertThat(ReuseVerdict.traffic(List.of(plain)).origins()).containsExactly("https://a.example");
        assertThat(ReuseVerdict.traffic(List.of(plain, exchange(Map.of(), 200,
                Map.of("Strict-Transport-Security", List.of("max-age=60")))))).extracting(ContextReuse::disposeBecause)
                .asString().contains("HSTS");
        assertThat(ReuseVerdict.traffic(List.of(exchange(Map.of("Authorization", List.of("Basic eDp5")), 200, Map.of()))).reusable())
                .isFalse();
        assertThat(ReuseVerdict.traffic(List.of(exchange(Map.of(), 407, Map.of()))).reusable()).isFalse();
    }

    private static Exchange exchange(Map<String, List<String>> request, int status, Map<String, List<String>> response) {
        return new Exchange("urn:uuid:1", "GET", "https://a.example/x", request, status, response, "127.0.0.1",
                java.time.Instant.now(), java.time.Instant.now(), Exchange.Outcome.COMPLETE, null, null, 0);
    }

    /** Loads the page in {@code mode}, waits for its report (and its frame's), returns the page's. */
    private static Map<String, String> visit(BrowserSession s, String mode, String tag) throws InterruptedException {
        REPORTS.remove(tag);
        REPORTS.remove(tag + "-frame");
        s.driver().get(origin(first) + "/page?mode=" + mode + "&tag=" + tag);
        for (int i = 0; i < 200 && !(REPORTS.containsKey(tag) && REPORTS.containsKey(tag + "-frame")); i++) {
            Thread.sleep(50);
        }
        assertThat(REPORTS).as("reports of " + tag).containsKeys(tag, tag + "-frame");
        assertThat(REPORTS.get(tag)).doesNotContainKey("error");
        assertThat(REPORTS.get(tag + "-frame")).doesNotContainKey("error");
        return REPORTS.get(tag);
    }

    private static String cookieSent(String tag) {
        return COOKIES.stream().filter(c -> c.startsWith(tag + " ")).map(c -> c.substring(tag.length() + 1))
                .findFirst().orElse("");
    }

    private static String contextId(BrowserSession s) {
        Map<?, ?> info = (Map<?, ?>) s.cdp("Target.getTargetInfo", Map.of()).get("targetInfo");
        return (String) info.get("browserContextId");
    }

    private RecordingProxy proxy(InterceptionCa ca, String name) throws IOException {
        return RecordingProxy.start(ProxyConfig.of(Files.createDirectories(tmp.resolve(name)).resolve("c.warc.gz")), ca);
    }

    private static String address(RecordingProxy p) {
        return "127.0.0.1:" + p.address().getPort();
    }

    private static String origin(HttpServer server) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    private static HttpServer server(String ip) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ip), 0), 0);
        server.createContext("/", KeptContextIsolationTest::answer);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kept-context-site");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return server;
    }

    private static void answer(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Map<String, String> query = form(ex.getRequestURI().getRawQuery());
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && query.containsKey("tag")) {
            CREDENTIALS.add(query.get("tag"));
        }
        switch (path) {
            case "/page" -> {
                String cookie = ex.getRequestHeaders().getFirst("Cookie");
                COOKIES.add(query.get("tag") + " " + (cookie == null ? "" : cookie));
                if ("set".equals(query.get("mode"))) {
                    ex.getResponseHeaders().add("Set-Cookie", "hc=1; HttpOnly; Max-Age=3600; Path=/");
                }
                String frame = origin(second) + "/frame?" + ex.getRequestURI().getRawQuery();
                send(ex, 200, "text/html", "<!doctype html><title>page</title><iframe src=\"" + frame + "\"></iframe>" + SCRIPT, "no-store");
            }
            case "/frame" -> send(ex, 200, "text/html", "<!doctype html><title>frame</title>" + SCRIPT, "no-store");
            case "/sw.js" -> send(ex, 200, "text/javascript", "self.addEventListener('fetch', () => {});", "no-store");
            case "/cached.js" -> {
                CACHED_HITS.incrementAndGet();
                send(ex, 200, "text/javascript", "1", "max-age=3600");
            }
            case "/report" -> {
                REPORTS.put(query.get("tag"), form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                send(ex, 204, null, "", "no-store");
            }
            case "/secret" -> {
                if (auth == null) {
                    ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"kept\"");
                    send(ex, 401, "text/plain", "who are you", "no-store");
                } else {
                    send(ex, 200, "text/plain", "secret", "no-store");
                }
            }
            default -> send(ex, 200, "text/plain", "ok", "no-store");
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body, String cache) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        }
        ex.getResponseHeaders().set("Cache-Control", cache);
        ex.sendResponseHeaders(status, status == 204 ? -1 : b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
