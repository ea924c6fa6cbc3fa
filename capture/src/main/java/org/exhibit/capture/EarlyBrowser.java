package org.exhibit.capture;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.exhibit.capture.browser.BrowserPool;
import org.exhibit.capture.proxy.InterceptionCa;

/**
 * The interception CA and the first pooled browser, started on a thread of their own as soon as a command knows it
 * will capture, so that Chromium and chromedriver start while the JVM still opens the case, reads the identity and
 * prepares the timestamp authorities (in a fresh process, the browser's start otherwise came after all of that).
 * Hand it to {@link Capturer#Capturer(org.exhibit.integrity.workspace.CaseWorkspace,
 * org.exhibit.integrity.identity.PublicIdentity, CaptureOptions, EarlyBrowser)}, which then owns the browser.
 *
 * <pre>{@code
 * try (EarlyBrowser early = EarlyBrowser.start(options)) {
 *     CaseWorkspace ws = CaseWorkspace.open(dir);                     // meanwhile, the browser starts
 *     try (Capturer capturer = new Capturer(ws, me, options, early)) {
 *         capturer.capture(url, Map.of());
 *     }
 * }
 * }</pre>
 * Nothing is started for options that do not pool browsers (a {@code --profile}, a Selenium Grid): the capture
 * starts its browser as before. A browser that fails to start here is not an error yet: the capture tries again
 * and reports what went wrong.
 */
public final class EarlyBrowser implements AutoCloseable {
    private static final String PROPERTY = "exhibit.early-browser";
    private final CompletableFuture<InterceptionCa> ca;
    private final CompletableFuture<BrowserPool> pool;
    private boolean taken;

    private EarlyBrowser(CompletableFuture<InterceptionCa> ca, CompletableFuture<BrowserPool> pool) {
        this.ca = ca;
        this.pool = pool;
    }

    /**
     * Starts making the CA and, for pooled browsers, the first browser; returns at once. With
     * {@code -Dexhibit.early-browser=false} nothing starts early (to measure what starting early buys).
     */
    public static EarlyBrowser start(CaptureOptions options) {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            return new EarlyBrowser(CompletableFuture.completedFuture(InterceptionCa.create()),
                    CompletableFuture.completedFuture(null));
        }
        CompletableFuture<InterceptionCa> ca = CompletableFuture.supplyAsync(InterceptionCa::create, EarlyBrowser::daemon);
        if (!Capturer.pools(options)) {
            return new EarlyBrowser(ca, CompletableFuture.completedFuture(null));
        }
        return new EarlyBrowser(ca, ca.thenApplyAsync(c -> {
            BrowserPool p;
            try {
                p = new BrowserPool(options.browser(), List.of(c.spkiSha256Base64()));
            } catch (java.io.IOException e) {
                return null; // the capture makes its own pool and says why that failed
            }
            try {
                p.startOne();                                   // the browser is now idle in the pool
            } catch (RuntimeException e) {
                // no browser yet: the capture's own start tries again and reports what went wrong
            }
            return p;
        }, EarlyBrowser::daemon));
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "exhibit-early-browser");
        t.setDaemon(true);
        t.start();
    }

    /** The CA, once made. */
    InterceptionCa ca() {
        try {
            return ca.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The pool with its browser started (or null without one); from then on the caller closes it. */
    synchronized BrowserPool take() {
        taken = true;
        try {
            return pool.join();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Quits the browser unless a capturer took it. */
    @Override
    public synchronized void close() {
        if (!taken) {
            taken = true;
            try {
                BrowserPool p = pool.join();
                if (p != null) {
                    p.close();
                }
            } catch (RuntimeException e) {
                // nothing was started
            }
        }
    }
}
