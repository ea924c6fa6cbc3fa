import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhibit.capture.browser.BrowserOptions;
import org.exhibit.capture.browser.BrowserPool;
import org.exhibit.capture.browser.BrowserSession;
import org.exhibit.capture.browser.ContextReuse;
import org.exhibit.capture.browser.PageResult;
import org.exhibit.capture.browser.PageSteps;
import org.exhibit.capture.browser.PageTimeouts;
import org.exhibit.capture.proxy.InterceptionCa;
import org.exhibit.capture.proxy.ProxyConfig;
import org.exhibit.capture.proxy.RecordingProxy;

/**
 * What a capture costs the machine in Chromium, and what of it per-capture isolation costs (not a test).
 * Serves one small page on 127.0.0.1 and loads it N times through a pooled Chromium and a recording proxy:
 * <ol>
 * <li>as Exhibit did before issue 18: a new browser context per capture, then every page step (two screenshots, DOM,
 * MHTML, PDF);</li>
 * <li>as Exhibit does now: the pool's kept context and tab, cleared by {@code WarmBrowser} before each capture (the
 * capture allows it through {@code BrowserSession.reuse});</li>
 * <li>the same page steps, all in one context and one tab (no isolation between captures);</li>
 * <li>a new context per capture, the page loaded and nothing kept;</li>
 * <li>one tab, the page loaded and nothing kept (about what a single-file saver pays in the browser);</li>
 * <li>one context and tab kept, every page step, and between captures the state a capture can leave cleared through
 * DevTools (cookies, HTTP cache, the origin's storage of every type, permissions, window.name, the tab's history) and the
 * tab sent to about:blank (what {@code ReuseProbe} shows it clears):
 * the price of reusing a context per worker (experiment of issue 18; the clearing is measured, not proven here).</li>
 * </ol>
 * The last one again with a different site (127.0.0.2-5) each capture: site isolation gives a cross-site
 * navigation a new renderer process even in a kept tab.
 * A second argument {@code quick} leaves out the two "page loaded only" variants. The pool replaces its browser
 * after {@code BrowserPool.CAPTURES_PER_BROWSER} captures: the row in which that happens loses the old browser's ticks
 * from the tree (chromedriver does not reap it), so its tree figure is too low, even negative; read the first round.
 * CPU is that of this JVM and its process tree (chromedriver, Chromium, its renderers: {@code /proc/PID/stat}),
 * with the whole machine's busy time from {@code /proc/stat} alongside (inflated by any other work). Usage, from the repository root: {@code bench/browser-cost.sh [N]}.
 */
public final class BrowserCost {
    private static final String PAGE = "<!doctype html><html><head><title>Post</title><link rel=icon href=data:,></head>"
            + "<body><h1>Post</h1><p>posted by someone</p></body></html>";

    interface Capture {
        void run(BrowserSession session, Path folder) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
        com.sun.net.httpserver.HttpHandler handler = ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        };
        site.createContext("/", handler);
        site.start();
        // four more sites (127.0.0.2-5: other hosts, so other sites for Chromium's site isolation), same page
        List<HttpServer> others = new java.util.ArrayList<>();
        for (int i = 2; i <= 5; i++) {
            HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + i), 0), 16);
            other.createContext("/", handler);
            other.start();
            others.add(other);
        }
        URI url = URI.create("http://127.0.0.1:" + site.getAddress().getPort() + "/post");
        Path tmp = Files.createTempDirectory("browser-cost");
        InterceptionCa ca = InterceptionCa.create();
        RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(tmp.resolve("capture.warc.gz")), ca);
        String address = "127.0.0.1:" + proxy.address().getPort();
        Capture steps = (s, folder) -> {
            PageResult page = new PageSteps(PageTimeouts.DEFAULT, proxy::awaitIdle).run(s, url, folder);
            if (!page.complete()) {
                throw new IllegalStateException("capture not complete: " + page.warnings());
            }
        };
        Capture load = (s, folder) -> s.driver().get(url.toASCIIString());
        String origin = "http://127.0.0.1:" + site.getAddress().getPort();
        Capture cleared = (s, folder) -> {
            steps.run(s, folder);
            s.driver().get("about:blank");
            s.script("window.name = ''");
            s.cdp("Page.resetNavigationHistory", java.util.Map.of());
            s.cdp("Network.clearBrowserCookies", java.util.Map.of());
            s.cdp("Network.clearBrowserCache", java.util.Map.of());
            s.cdp("Storage.clearDataForOrigin", java.util.Map.of("origin", origin, "storageTypes", "all"));
            try {
                s.cdp("Browser.resetPermissions", java.util.Map.of());
            } catch (RuntimeException e) {
                System.out.println("  Browser.resetPermissions from the tab: " + e.getMessage().lines().findFirst().orElse(""));
            }
        };
        int[] next = {0};
        Capture clearedOtherSite = (s, folder) -> {
            HttpServer other = others.get(next[0]++ % others.size());
            String o = "http://" + other.getAddress().getAddress().getHostAddress() + ":" + other.getAddress().getPort();
            PageResult page = new PageSteps(PageTimeouts.DEFAULT, proxy::awaitIdle).run(s, URI.create(o + "/post"), folder);
            if (!page.complete()) {
                throw new IllegalStateException("capture not complete: " + page.warnings());
            }
            s.driver().get("about:blank");
            s.script("window.name = ''");
            s.cdp("Page.resetNavigationHistory", java.util.Map.of());
            s.cdp("Network.clearBrowserCookies", java.util.Map.of());
            s.cdp("Network.clearBrowserCache", java.util.Map.of());
            s.cdp("Storage.clearDataForOrigin", java.util.Map.of("origin", o, "storageTypes", "all"));
            s.cdp("Browser.resetPermissions", java.util.Map.of());
        };
        // what Exhibit does now: the pool's kept context, cleared by WarmBrowser before each capture
        Capture kept = (s, folder) -> {
            steps.run(s, folder);
            s.reuse(ContextReuse.clear(java.util.Set.of(origin), java.util.Set.of("http://127.0.0.1")));
        };
        boolean quick = args.length > 1 && args[1].equals("quick");
        System.out.printf("%d loads of %s each; CPU of this process tree, machine CPU from /proc/stat; %d cores%n", n, url,
                Runtime.getRuntime().availableProcessors());
        try (BrowserPool pool = new BrowserPool(BrowserOptions.defaults(), List.of(ca.spkiSha256Base64()))) {
            double exhibit = 0;
            for (int round = 1; round <= 2; round++) {
                exhibit = measure("new context per capture, all page steps (Exhibit before)", n, exhibit, tmp, pool, address, true, steps);
                measure("pool's kept context, cleared before each (Exhibit now)", n, exhibit, tmp, pool, address, true, kept);
                measure("one tab for all captures, all page steps", n, exhibit, tmp, pool, address, false, steps);
                if (!quick) {
                    measure("new context per capture, page loaded only", n, exhibit, tmp, pool, address, true, load);
                    measure("one tab for all captures, page loaded only", n, exhibit, tmp, pool, address, false, load);
                }
                measure("one context kept, state cleared by CDP between", n, exhibit, tmp, pool, address, false, cleared);
                measure("same, a different site each capture (4 sites)", n, exhibit, tmp, pool, address, false, clearedOtherSite);
            }
        } finally {
            proxy.close();
            site.stop(0);
            others.forEach(o -> o.stop(0));
        }
    }

    /** Prints wall and CPU per capture, and the CPU as a share of {@code baseline}'s; returns the CPU. */
    private static double measure(String name, int n, double baseline, Path tmp, BrowserPool pool, String proxy,
                                  boolean fresh, Capture capture) throws Exception {
        BrowserSession shared = fresh ? null : pool.open(proxy);
        try {
            run(capture, tmp, pool, proxy, shared);                         // warm-up, not counted
            long busy = busyTicks();
            long own = treeTicks();
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                run(capture, tmp, pool, proxy, shared);
            }
            double wall = (System.nanoTime() - t) / 1e9 / n;
            double machine = (busyTicks() - busy) / 100.0 / n;
            double cpu = (treeTicks() - own) / 100.0 / n;
            System.out.printf("  %-56s %5.2f s wall  %5.2f CPU-s per capture%s  (machine %5.2f)%n", name, wall, cpu,
                    baseline == 0 ? "" : String.format("  (x%.2f)", cpu / baseline), machine);
            return cpu;
        } finally {
            if (shared != null) {
                shared.close();
            }
        }
    }

    private static void run(Capture capture, Path tmp, BrowserPool pool, String proxy, BrowserSession shared)
            throws Exception {
        Path folder = Files.createTempDirectory(tmp, "capture");
        if (shared != null) {
            capture.run(shared, folder);
            return;
        }
        try (BrowserSession s = pool.open(proxy)) {
            capture.run(s, folder);
        }
    }

    /**
     * Clock ticks (USER_HZ) of this JVM and every process under it (chromedriver, Chromium and its renderers),
     * with those of their ended children; unlike {@link #busyTicks()} not inflated by other work on the machine.
     */
    private static long treeTicks() {
        long[] sum = {0};
        java.util.stream.Stream.concat(java.util.stream.Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
                .forEach(p -> {
                    try {
                        String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        for (int i = 11; i <= 14; i++) {            // utime stime cutime cstime (fields 14-17)
                            sum[0] += Long.parseLong(f[i]);
                        }
                    } catch (Exception gone) {
                        // ended between listing and reading: its parent counts it once reaped
                    }
                });
        return sum[0];
    }

    /** Busy clock ticks (USER_HZ) of the whole machine since boot: user, nice, system, irq, softirq and steal. */
    private static long busyTicks() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy;
    }
}
