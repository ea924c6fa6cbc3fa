import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.exhibit.capture.browser.BrowserOptions;
import org.exhibit.capture.browser.BrowserPool;
import org.exhibit.capture.browser.BrowserSession;
import org.exhibit.capture.proxy.InterceptionCa;
import org.exhibit.capture.proxy.ProxyConfig;
import org.exhibit.capture.proxy.RecordingProxy;

/**
 * What a page can still see after a kept browser context is cleared through DevTools (issue 18's experiment; not a
 * test). Loads one page on 127.0.0.1 that reports, then sets, a cookie, localStorage, sessionStorage, an IndexedDB
 * database, a CacheStorage cache, a service worker, a geolocation grant, an HTTP-cached script, window.name and
 * history.length; clears the context as {@code BrowserCost}'s kept
 * variant does; loads it again and prints what the second visit saw. Usage: as browser-cost.sh, with this file.
 */
public final class ReuseProbe {
    private static final String PAGE = "<!doctype html><title>probe</title><p>probe";
    private static final String READ = "const done = arguments[arguments.length - 1];"
            + "(async () => { const r = {cookie: document.cookie, local: localStorage.getItem('k'),"
            + " session: sessionStorage.getItem('k'), name: window.name, history: history.length,"
            + " caches: (await caches.keys()).join(','), idb: (await indexedDB.databases()).map(d => d.name).join(','),"
            + " sw: (await navigator.serviceWorker.getRegistrations()).length,"
            + " geolocation: (await navigator.permissions.query({name: 'geolocation'})).state,"
            + " cachedFetchReachedServer: await fetch('/cached.js').then(() => fetch('/hits', {cache: 'no-store'})).then(h => h.text())};"
            + " done(JSON.stringify(r)); })().catch(e => done('error: ' + e));";
    private static final String SET = "const done = arguments[arguments.length - 1];"
            + "(async () => { document.cookie = 'k=1; max-age=3600'; localStorage.setItem('k', '1');"
            + " sessionStorage.setItem('k', '1'); window.name = 'left'; await caches.open('left');"
            + " await navigator.serviceWorker.register('/sw.js'); await navigator.serviceWorker.ready;"
            + " await new Promise(ok => { const q = indexedDB.open('left'); q.onsuccess = () => { q.result.close(); ok(); }; });"
            + " done('set'); })().catch(e => done('error: ' + e));";

    public static void main(String[] args) throws Exception {
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
        site.createContext("/cached.js", ex -> {
            hits.incrementAndGet();
            byte[] js = "1".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/javascript");
            ex.getResponseHeaders().set("Cache-Control", "max-age=3600");
            ex.sendResponseHeaders(200, js.length);
            ex.getResponseBody().write(js);
            ex.close();
        });
        site.createContext("/hits", ex -> {
            byte[] n = String.valueOf(hits.get()).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, n.length);
            ex.getResponseBody().write(n);
            ex.close();
        });
        site.createContext("/sw.js", ex -> {
            byte[] js = "self.addEventListener('fetch', () => {});".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/javascript");
            ex.sendResponseHeaders(200, js.length);
            ex.getResponseBody().write(js);
            ex.close();
        });
        site.createContext("/", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        site.start();
        String origin = "http://127.0.0.1:" + site.getAddress().getPort();
        Path tmp = Files.createTempDirectory("reuse-probe");
        InterceptionCa ca = InterceptionCa.create();
        RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(tmp.resolve("capture.warc.gz")), ca);
        try (BrowserPool pool = new BrowserPool(BrowserOptions.defaults(), List.of(ca.spkiSha256Base64()));
             BrowserSession s = pool.open("127.0.0.1:" + proxy.address().getPort())) {
            s.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(10));
            s.driver().get(origin + "/a");
            System.out.println("first visit saw:  " + ((org.openqa.selenium.JavascriptExecutor) s.driver()).executeAsyncScript(READ));
            s.cdp("Browser.grantPermissions", Map.of("origin", origin, "permissions", List.of("geolocation")));
            System.out.println("page set:         " + ((org.openqa.selenium.JavascriptExecutor) s.driver()).executeAsyncScript(SET));
            s.driver().get(origin + "/again");
            System.out.println("not cleared:      " + ((org.openqa.selenium.JavascriptExecutor) s.driver()).executeAsyncScript(READ));
            s.driver().get("about:blank");
            s.cdp("Network.clearBrowserCookies", Map.of());
            s.cdp("Network.clearBrowserCache", Map.of());
            s.cdp("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
            s.cdp("Browser.resetPermissions", Map.of());
            s.driver().get(origin + "/b");
            System.out.println("after clearing:   " + ((org.openqa.selenium.JavascriptExecutor) s.driver()).executeAsyncScript(READ));
            s.driver().get("about:blank");
            s.script("window.name = ''");
            s.cdp("Page.resetNavigationHistory", Map.of());
            s.driver().get(origin + "/c");
            System.out.println("+ window.name = '' on about:blank, resetNavigationHistory: "
                    + ((org.openqa.selenium.JavascriptExecutor) s.driver()).executeAsyncScript(READ));
        } finally {
            proxy.close();
            site.stop(0);
        }
    }
}
