package org.exhibit.capture.browser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Browsers kept running between captures, so that a batch does not start Chromium for every URL. Each browser
 * keeps one browser context and tab (an off-the-record profile) whose proxy is a relay to the current capture's
 * recording proxy; a capture that allows it ({@link BrowserSession#reuse}) leaves the context to the next one,
 * which first clears it through DevTools (cookies, cache, every storage type of every origin touched, permissions,
 * other tabs, the tab's history and {@code window.name}), else the next capture gets a new context (see
 * {@link WarmBrowser}). The browser itself is reused, up to {@link #CAPTURES_PER_BROWSER} captures, and replaced
 * when it fails. The browsers' own background traffic goes to a {@link ClosedProxy} and never leaves the machine.
 *
 * <pre>{@code
 * try (BrowserPool pool = new BrowserPool(BrowserOptions.defaults(), List.of(ca.spkiSha256Base64()))) {
 *     try (BrowserSession s = pool.open("127.0.0.1:" + proxy.address().getPort())) {
 *         PageResult page = new PageSteps(PageTimeouts.DEFAULT, proxy::awaitIdle).run(s, url, folder);
 *         s.reuse(ContextReuse.clear(origins, topLevelSites));   // else the next capture gets a new context
 *     }
 * }
 * }</pre>
 * Thread-safe: parallel captures each borrow a browser of their own.
 */
public final class BrowserPool implements AutoCloseable {
    /** Captures one browser serves before it is replaced by a fresh one. */
    public static final int CAPTURES_PER_BROWSER = 50;
    private final BrowserOptions launch;
    private final ClosedProxy closedProxy;
    private final Deque<WarmBrowser> idle = new ArrayDeque<>();
    private boolean closed;

    /**
     * @param options    Chromium, chromedriver and window size; a profile directory is not used (captures get
     *                   fresh contexts)
     * @param spkiHashes the interception CA's {@code --ignore-certificate-errors-spki-list} values, fixed for the
     *                   pool's lifetime
     */
    public BrowserPool(BrowserOptions options, List<String> spkiHashes) throws IOException {
        if (options.profile() != null) {
            throw new IllegalArgumentException("expected no profile directory for pooled browsers, got " + options.profile());
        }
        this.closedProxy = ClosedProxy.start();
        this.launch = options.withProxy(closedProxy.address(), spkiHashes);
    }

    /**
     * A session in a browser context, new or kept and cleared, whose traffic goes through the recording proxy at
     * {@code proxyAddress} ({@code host:port}); closing it gives the browser back. Throws
     * {@link BrowserUnavailableException} when no browser can be started.
     */
    public BrowserSession open(String proxyAddress) {
        int colon = proxyAddress.lastIndexOf(':');
        InetSocketAddress proxy = new InetSocketAddress(proxyAddress.substring(0, colon),
                Integer.parseInt(proxyAddress.substring(colon + 1)));
        WarmBrowser warm = take();
        if (warm != null) {
            try {
                return warm.open(proxy, this::giveBack);
            } catch (RuntimeException e) {
                warm.quit();                                     // crashed or wedged since its last capture
            }
        }
        WarmBrowser fresh = WarmBrowser.launch(launch);
        try {
            return fresh.open(proxy, this::giveBack);
        } catch (RuntimeException e) {
            fresh.quit();
            throw e;
        }
    }

    /**
     * Starts a browser and keeps it idle for the next {@link #open}, with no context yet (so the first capture's
     * record says its context is fresh, with nothing before it). Throws {@link BrowserUnavailableException} when
     * the browser cannot be started.
     */
    public void startOne() {
        giveBack(WarmBrowser.launch(launch));
    }

    private synchronized WarmBrowser take() {
        return idle.pollFirst();
    }

    private void giveBack(WarmBrowser warm) {
        if (!warm.broken() && warm.uses() < CAPTURES_PER_BROWSER) {
            synchronized (this) {
                if (!closed) {
                    idle.addFirst(warm);
                    return;
                }
            }
        }
        warm.quit();
    }

    /** Quits every idle browser; browsers still lent out are quit when they come back. */
    @Override
    public void close() {
        List<WarmBrowser> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(idle);
            idle.clear();
        }
        all.forEach(WarmBrowser::quit);
        try {
            closedProxy.close();
        } catch (IOException ignored) {
            // a loopback port that answered nothing but refusals
        }
    }
}
