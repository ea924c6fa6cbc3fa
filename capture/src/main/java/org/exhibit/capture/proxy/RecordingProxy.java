package org.exhibit.capture.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.exhibit.format.record.OriginInfo;

/**
 * An HTTP/1.1 proxy on loopback that records every exchange of one browser into a WARC 1.1 file as it
 * happens: {@code request} and {@code response} records exactly as on the wire, and per origin a
 * {@code metadata} record with the resolved IP and the TLS chain the server presented. HTTPS is
 * intercepted with a per-run {@link InterceptionCa} that only the browser started with {@link #spkiList()} trusts.
 *
 * <p>What the WARC holds: a {@code warcinfo} record (file name and software as in {@link WarcFileInfo}); per
 * exchange a {@code request} record (as sent to the origin) and, if a response head arrived, a {@code response}
 * record (bytes as received: chunked and compressed bodies unchanged), both with {@code WARC-IP-Address},
 * {@code WARC-Concurrent-To}, SHA-256 block and payload digests ({@code sha256:} and lower-case hex;
 * {@code WARC-Truncated} instead of a payload digest when not whole); an exchange that
 * did not complete gets a {@code metadata} record with fields {@code exchange-outcome} and
 * {@code exchange-reason}. Per origin and address a {@code metadata} record ({@code application/warc-fields},
 * target {@code scheme://host:port}) with {@code origin}, {@code ip-address}, {@code tls-protocol},
 * {@code tls-cipher-suite}, {@code tls-validation} ({@code ok}|{@code warning}), {@code tls-warning}*, and
 * per certificate, leaf first, {@code certificate-sha256}, {@code certificate-subject} and
 * {@code certificate} (the DER in base64 on one line: a PEM body without its line breaks).
 *
 * <pre>{@code
 * try (RecordingProxy proxy = RecordingProxy.start(ProxyConfig.of(dir.resolve("data.warc.gz")))) {
 *     // chromium --proxy-server=http://127.0.0.1:<proxy.address().getPort()> --proxy-bypass-list=<-loopback>
 *     //          --ignore-certificate-errors-spki-list=<proxy.spkiList()> --user-data-dir=...
 *     boolean idle = proxy.awaitIdle(Duration.ofMillis(500), Duration.ofSeconds(15));
 *     List<Exchange> exchanges = proxy.exchanges();
 * } // close(): open exchanges are recorded as incomplete, the WARC is closed
 * }</pre>
 */
public final class RecordingProxy implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private final ProxyConfig config;
    private final InterceptionCa ca;
    private final ChainCheck check = new ChainCheck();
    private final Traffic traffic = new Traffic();
    private final Map<String, OriginInfo> origins = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> recordedOrigins = ConcurrentHashMap.newKeySet();
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final ServerSocket server;
    private final WarcJournal journal;
    private final Path spoolDir;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> daemon(r, "exhibit-proxy-" + THREADS.incrementAndGet()));
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "exhibit-proxy-watchdog"));
    private volatile boolean closed;

    private RecordingProxy(ProxyConfig config, InterceptionCa ca, WarcFileInfo info) throws IOException {
        this.config = config;
        this.ca = ca;
        InetAddress bind = InetAddress.getByName(config.bindHost());
        if (!bind.isLoopbackAddress() && java.net.NetworkInterface.getByInetAddress(bind) == null) {
            // another address only when named on purpose (--proxy-host, for Selenium Grid nodes), and only one of this machine
            throw new IllegalArgumentException("expected a loopback bind address or one of this machine's (the proxy intercepts TLS), got " + config.bindHost());
        }
        Path warc = config.warc().toAbsolutePath();
        if (Files.exists(warc)) {
            throw new IOException("expected a new WARC file, got an existing one: " + warc);
        }
        Files.createDirectories(warc.getParent());
        this.server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(bind, 0), 128);
            this.spoolDir = Files.createTempDirectory(warc.getParent(), ".spool-");
        } catch (IOException e) {
            server.close();
            throw e;
        }
        try {
            this.journal = new WarcJournal(warc, info);
        } catch (IOException e) {
            server.close();
            Files.deleteIfExists(spoolDir);
            throw e;
        }
    }

    /** Binds a port on {@link ProxyConfig#bindHost()}, creates the WARC and starts accepting browser connections. */
    public static RecordingProxy start(ProxyConfig config) throws IOException {
        return start(config, InterceptionCa.create());
    }

    /**
     * As {@link #start(ProxyConfig)}, intercepting TLS with {@code ca}: one CA for a whole run, so that browsers
     * kept running between captures ({@code BrowserPool}) trust every capture's proxy.
     */
    public static RecordingProxy start(ProxyConfig config, InterceptionCa ca) throws IOException {
        return start(config, ca, WarcFileInfo.of(config.warc()));
    }

    /**
     * As {@link #start(ProxyConfig, InterceptionCa)}, with the file name and software that the WARC's
     * {@code warcinfo} record gives.
     */
    public static RecordingProxy start(ProxyConfig config, InterceptionCa ca, WarcFileInfo info) throws IOException {
        RecordingProxy proxy = new RecordingProxy(config, ca, info);
        proxy.workers.execute(proxy::accept);
        long period = Math.max(50, Math.min(500, config.exchangeTimeout().toMillis() / 10));
        proxy.watchdog.scheduleAtFixedRate(() -> proxy.traffic.abortExpired(config.exchangeTimeout()),
                period, period, TimeUnit.MILLISECONDS);
        return proxy;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                ClientConnection c = new ClientConnection(this, s);
                connections.add(c);
                workers.execute(c);
            } catch (IOException e) {
                if (!closed) {
                    note("accept failed: " + e.getMessage());
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    /** Where the browser connects: {@code --proxy-server=http://HOST:PORT}. */
    public InetSocketAddress address() {
        return new InetSocketAddress(config.bindHost(), server.getLocalPort());
    }

    /** The value of Chromium's {@code --ignore-certificate-errors-spki-list} for this run's interception. */
    public String spkiList() {
        return ca.spkiSha256Base64();
    }

    /** The per-run CA (for a client other than Chromium that must trust the interception). */
    public InterceptionCa ca() {
        return ca;
    }

    /** The WARC file being written. */
    public Path warc() {
        return config.warc();
    }

    public ProxyConfig config() {
        return config;
    }

    /**
     * Every exchange so far, ended or still open, in the order they started. An exchange ends once its records
     * are written, a moment after the browser has the last byte: call {@link #awaitIdle} first for a settled view.
     */
    public List<Exchange> exchanges() {
        return traffic.snapshot();
    }

    /** Each origin contacted ({@code scheme://host:port}), as first connected to. */
    public Map<String, OriginInfo> origins() {
        synchronized (origins) {
            return Map.copyOf(origins);
        }
    }

    /** Problems that are not an exchange's (a browser refusing the interception, a WARC write failing). */
    public List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /**
     * Waits until no exchange has been open, started or ended for {@code quiet}, counted from the call at the
     * earliest (so a request a page starts from a timer shortly after it looked quiet is waited for). Returns false
     * if the network did not go idle within {@code max} (a request that never completes keeps it busy).
     */
    public boolean awaitIdle(Duration quiet, Duration max) throws InterruptedException {
        return traffic.awaitIdle(quiet, max);
    }

    /**
     * As {@link #awaitIdle(Duration, Duration)}, but an exchange still open that has received nothing for
     * {@code stall} (a long poll waiting for news, a response whose body stopped coming) no longer keeps the network
     * busy: when the wait ends quiet, each such exchange is added to {@code stalled} as {@code METHOD URL}. It stays
     * open, and is recorded with what it got when it ends or when the proxy closes.
     */
    public boolean awaitIdle(Duration quiet, Duration max, Duration stall, List<String> stalled) throws InterruptedException {
        return traffic.awaitIdle(quiet, max, stall, stalled);
    }

    /**
     * As {@link #awaitIdle(Duration, Duration, Duration, List)}, but {@code quiet} is counted from the later of the
     * last exchange's start or end and {@code since}, a {@link System#nanoTime()} reading, instead of the call: for a
     * caller that has done nothing to the page since {@code since} (say, the last scroll), so that the quiet it
     * already saw counts. A request the page starts later than {@code since} plus {@code quiet} after a quiet
     * network is not waited for: pass the time of the last action on the page, never earlier.
     */
    public boolean awaitIdle(Duration quiet, Duration max, Duration stall, List<String> stalled, long since)
            throws InterruptedException {
        return traffic.awaitIdle(quiet, max, stall, stalled, since);
    }

    /**
     * Stops accepting, ends every open exchange (recorded as incomplete with what was received), waits up to
     * five seconds for their records, then closes the WARC. Idempotent. An exchange that could not be recorded
     * in time is named in {@link #notes()}.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        OriginLink.closeQuietly(server);
        watchdog.shutdownNow();
        traffic.abortAll("the capture ended while the exchange was open");
        try {
            if (!traffic.awaitNoneOpen(Duration.ofSeconds(2))) {
                traffic.abortAllHarder(); // threads stuck writing to a browser that stopped reading
                if (!traffic.awaitNoneOpen(Duration.ofSeconds(3))) {
                    note(traffic.openCount() + " exchange(s) could not be recorded before the WARC was closed");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ClientConnection c : connections) {
            c.close();
        }
        workers.shutdownNow();
        try {
            journal.close();
        } finally {
            deleteSpool();
        }
    }

    private void deleteSpool() throws IOException {
        try (var files = Files.list(spoolDir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(spoolDir);
    }

    // ---- for the connection handlers

    boolean isClosed() {
        return closed;
    }

    ChainCheck check() {
        return check;
    }

    Traffic traffic() {
        return traffic;
    }

    Path spoolDir() {
        return spoolDir;
    }

    void note(String message) {
        notes.add(message);
    }

    void forget(ClientConnection c) {
        connections.remove(c);
    }

    void originSeen(OriginInfo info) {
        origins.putIfAbsent(info.origin(), info);
        String key = info.origin() + " " + info.ip() + " "
                + (info.chain().isEmpty() ? "" : info.chain().get(0).sha256());
        if (recordedOrigins.add(key)) {
            try {
                journal.origin(info);
            } catch (IOException e) {
                note("origin " + info.origin() + " not recorded in the WARC: " + e.getMessage());
            }
        }
    }

    void record(OpenExchange ex, Spool request, Spool response, Exchange.Outcome outcome, String reason) {
        try {
            journal.exchange(ex, request, response, outcome, reason);
        } catch (IOException | UncheckedIOException e) {
            reason = (reason == null ? "" : reason + "; ") + "not recorded in the WARC: " + e.getMessage();
            outcome = outcome == Exchange.Outcome.COMPLETE ? Exchange.Outcome.INCOMPLETE : outcome;
            note(ex.uri + ": " + reason);
        } finally {
            traffic.finish(ex, outcome, reason);
            OriginLink.closeQuietly(request);
            OriginLink.closeQuietly(response);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
