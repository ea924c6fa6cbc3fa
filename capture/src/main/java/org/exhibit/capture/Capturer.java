package org.exhibit.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.exhibit.capture.browser.Browser;
import org.exhibit.capture.browser.BrowserOptions;
import org.exhibit.capture.browser.BrowserPool;
import org.exhibit.capture.browser.BrowserSession;
import org.exhibit.capture.browser.GridBrowser;
import org.exhibit.capture.browser.NetworkIdle;
import org.exhibit.capture.browser.PageResult;
import org.exhibit.capture.browser.PageSteps;
import org.exhibit.capture.images.ImageFetcher;
import org.exhibit.capture.images.ImageLink;
import org.exhibit.capture.images.ImageLinks;
import org.exhibit.capture.proxy.Exchange;
import org.exhibit.capture.proxy.InterceptionCa;
import org.exhibit.capture.proxy.ProxyConfig;
import org.exhibit.capture.proxy.RecordingProxy;
import org.exhibit.capture.proxy.WarcFileInfo;
import org.exhibit.capture.video.Candidate;
import org.exhibit.capture.video.MediaClient;
import org.exhibit.capture.video.VideoCandidates;
import org.exhibit.capture.video.VideoHarvester;
import org.exhibit.capture.warc.Resource;
import org.exhibit.capture.warc.WaczWriter;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.CaptureOutcome;
import org.exhibit.format.record.CaptureRecord.Environment;
import org.exhibit.format.record.CaptureRecord;
import org.exhibit.format.record.Step;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.integrity.files.FileTree;
import org.exhibit.integrity.identity.PublicIdentity;
import org.exhibit.integrity.workspace.CaseWorkspace;
import org.exhibit.integrity.workspace.RecordStamper;
import org.exhibit.integrity.workspace.StampOutcome;
import org.exhibit.metadata.ArtifactInspector;
import org.exhibit.metadata.vpdq.Ffmpeg;
import org.exhibit.metadata.vpdq.FfmpegMissingException;

/**
 * Captures URLs into a case: for each, a fresh browser behind a fresh recording proxy, the page steps, the
 * resources and WACZ, every file inspected and hashed, {@code capture.json} written last, the folder moved into
 * {@code data/captures/<id>/} in one rename, the record timestamped at once and a {@code captured} line in the
 * custody log. Whatever happens, what was captured is kept and the outcome says how it went.
 *
 * <pre>{@code
 * CaseWorkspace ws = CaseWorkspace.open(Path.of("cases/2026-017"));
 * try (Capturer capturer = new Capturer(ws, identity.publicInfo(), CaptureOptions.defaults().withTimestamper(tsa))) {
 *     CaptureResult r = capturer.capture("https://example.org/post/123", Map.of("platform", "example"));
 *     System.out.println(r.id() + " " + r.outcome() + " " + r.record().finalUrl());
 * }
 * }</pre>
 * Thread-safe: parallel captures get their own ids, folders, proxies and browser profiles. On this machine and
 * without a {@code --profile}, browsers are kept running between captures ({@link BrowserPool}), each with a
 * browser context that the next capture clears and reuses when this one allows it ({@link ReuseVerdict}), else a
 * new one; close the capturer to quit them.
 */
public final class Capturer implements AutoCloseable {
    /** An open request that received nothing for this long no longer keeps the page steps waiting for quiet. */
    static final Duration STALLED = Duration.ofSeconds(5);
    private final CaseWorkspace ws;
    private final PublicIdentity investigator;
    private final CaptureOptions options;
    private final ArtifactInspector inspector = new ArtifactInspector();
    private final CaptureArtifacts artifacts = new CaptureArtifacts(inspector);
    private final InterceptionCa ca;
    private EarlyBrowser early;
    private BrowserPool pool;
    private boolean closed;
    private volatile boolean quitAfterPage;
    private Thread quitting;

    public Capturer(CaseWorkspace ws, PublicIdentity investigator, CaptureOptions options) {
        this(ws, investigator, options, null);
    }

    /** @param early the CA and browser started ahead for these options ({@link EarlyBrowser}), or null */
    public Capturer(CaseWorkspace ws, PublicIdentity investigator, CaptureOptions options, EarlyBrowser early) {
        this.ws = ws;
        this.investigator = investigator;
        this.options = options;
        this.ca = early == null ? InterceptionCa.create() : early.ca();
        this.early = early;
    }

    /**
     * Captures one URL. A URL the {@link UrlPolicy} refuses throws {@link RefusedUrlException} before anything is
     * started or written; everything else ends in a capture folder whose outcome says how it went.
     *
     * @throws IOException when the case itself cannot be written (the half-done folder is kept under .work/)
     */
    public CaptureResult capture(String url, Map<String, String> notes) throws IOException {
        return capture(url, notes, record -> true);
    }

    /**
     * Captures one URL and keeps it only if {@code keep} accepts its record: a batch that will retry a network
     * failure drops the failed attempt (its folder and scratch are removed) instead of keeping it as evidence.
     *
     * @return the capture, or null when {@code keep} refused it
     */
    public CaptureResult capture(String url, Map<String, String> notes, Predicate<CaptureRecord> keep) throws IOException {
        CaptureTarget target = UrlPolicy.check(url);
        long t0 = System.nanoTime();
        Path dir = ws.newCaptureDir();
        String id = dir.getFileName().toString();
        Path scratch = ws.scratch();
        Instant startedAt = Instant.now();
        Session s = browse(target, scratch);
        if (quitAfterPage) {
            quitBrowsers();
        }
        List<String> warnings = new ArrayList<>(s.problems);
        try {
            CaptureArtifacts.removeLeftovers(scratch);
            String pageUrl = pageUrl(s.page, target);
            // the page's own files are inspected while the WARC is packaged
            List<Artifact> files = new ArrayList<>(artifacts.inspect(scratch, () -> {
                Map<String, Resource> resources = WarcPackaging.pack(scratch,
                        WarcPackaging.page(pageUrl, startedAt, s.page == null ? null : s.page.title(),
                                s.page == null ? null : s.page.text()),
                        software(), warnings);
                dropKeptVideos(scratch, resources, s.videos);
                return resources;
            }, s.page == null ? List.of() : s.page.frames(), s.page == null ? List.of() : s.page.decoded()));
            if (s.videos != null) {
                s.videos.videos().forEach(v -> files.addAll(v.artifacts()));
                s.problems.addAll(s.videos.warnings());
                warnings.addAll(s.videos.warnings());
            }
            CaptureOutcome outcome = outcome(s, warnings);
            Instant endedAt = Instant.now();
            CaptureRecord record = record(id, target, notes, startedAt, endedAt, outcome, warnings, s, files);
            if (!keep.test(record)) {
                FileTree.delete(scratch);
                Files.deleteIfExists(dir);
                return null;
            }
            Json.write(scratch.resolve(CaptureFolder.RECORD), record);
            Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
            Path recordFile = dir.resolve(CaptureFolder.RECORD);
            ws.custody().append(investigator.actor(), CustodyEvent.CAPTURED, ws.subject(dir), details(record, recordFile));
            StampOutcome stamp = options.timestamper() == null ? null
                    : new RecordStamper(ws, options.timestamper(), investigator.actor()).stamp(recordFile);
            Duration total = Duration.ofNanos(System.nanoTime() - t0);
            return new CaptureResult(id, dir, record, stamp, new CaptureResult.Timings(total, Duration.ofNanos(s.startNanos),
                    Duration.ofNanos(s.stepsNanos), Duration.ofNanos(s.closeNanos),
                    total.minusNanos(s.startNanos + s.stepsNanos + s.closeNanos)));
        } catch (IOException | RuntimeException e) {
            throw new IOException("capture " + id + " of " + target + " could not be completed (" + e.getMessage()
                    + "); what was captured is kept in " + (Files.exists(scratch) ? scratch : dir), e);
        }
    }

    /** Proxy, browser, page steps; never throws: problems end up in the session's list. */
    private Session browse(CaptureTarget target, Path scratch) {
        Session s = new Session();
        RecordingProxy proxy = null;
        try {
            ProxyConfig pc = ProxyConfig.of(scratch.resolve(CaptureArtifacts.WARC));
            // the WARC is named as it will be inside capture.wacz, which packages it once the browser is done
            proxy = RecordingProxy.start(new ProxyConfig(options.proxyHost(), pc.warc(), pc.connectTimeout(),
                    pc.readTimeout(), pc.exchangeTimeout(), pc.clientIdleTimeout(), pc.maxRecordedBody(), pc.loopbackOnly(),
                    pc.stallTimeout()),
                    ca, new WarcFileInfo(WaczWriter.WARC_NAME, software()));
            String proxyAddress = options.proxyHost() + ":" + proxy.address().getPort();
            BrowserOptions bo = options.browser().withProxy(proxyAddress, List.of(proxy.spkiList()));
            long t = System.nanoTime();
            BrowserPool warm = pool();
            BrowserSession session = options.grid() != null ? GridBrowser.start(options.grid(), bo)
                    : warm != null ? warm.open(proxyAddress) : Browser.start(bo);
            s.startNanos = System.nanoTime() - t;
            s.context = session.browserContext();
            try {
                t = System.nanoTime();
                s.page = new PageSteps(options.timeouts(), idleClock(proxy), options.interactions()).run(session, target.request(), scratch);
                s.images = images(session, proxy, s.page, target, scratch);
                s.problems.addAll(s.images.warnings());
                s.videos = videos(session, proxy, s.page, target, scratch, s.images.bytes());
                s.stepsNanos = System.nanoTime() - t;
                session.reuse(ReuseVerdict.of(proxy.exchanges(), s.page));
            } finally {
                t = System.nanoTime();
                session.close();
                s.closeNanos = System.nanoTime() - t;
            }
        } catch (IOException | RuntimeException e) {
            s.problems.add("the capture could not run: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } finally {
            if (proxy != null) {
                try {
                    proxy.close();
                } catch (IOException e) {
                    s.problems.add("the recording proxy did not close cleanly: " + e.getMessage());
                }
                s.wire = WireEvidence.of(target.request(), proxy.exchanges(), proxy.origins(), proxy.notes());
            }
        }
        return s;
    }

    /**
     * The recording proxy's idle clock for the page steps: a request that has received nothing for
     * {@link #STALLED} (a long poll, a body that stopped coming) no longer keeps the page waiting, and is named.
     */
    private static NetworkIdle idleClock(RecordingProxy proxy) {
        return new NetworkIdle() {
            private volatile List<String> stalled = List.of();

            @Override
            public boolean await(Duration quiet, Duration max) throws InterruptedException {
                return await(quiet, max, System.nanoTime());
            }

            @Override
            public boolean await(Duration quiet, Duration max, long since) throws InterruptedException {
                List<String> found = new ArrayList<>();
                boolean idle = proxy.awaitIdle(quiet, max, STALLED, found, since);
                stalled = List.copyOf(found);
                return idle;
            }

            @Override
            public List<String> stalled() {
                return stalled;
            }
        };
    }

    /** What wrote the WARC and the WACZ: "Exhibit" and the version that capture.json's environment gives. */
    private String software() {
        return "Exhibit " + options.exhibitVersion();
    }

    /**
     * Fetches, through the still-open recording proxy, the images the page offers but did not load whole: the
     * largest {@code srcset} candidates and the targets of links to image files. They are in the WARC, so the
     * resource extraction keeps them; nothing is fetched for a page without any.
     */
    private ImageFetcher.Result images(BrowserSession session, RecordingProxy proxy, PageResult page,
                                       CaptureTarget target, Path scratch) {
        if (page == null || page.failure() != null) {
            return new ImageFetcher.Result(List.of(), List.of(), 0); // no page, or no browser left to ask
        }
        List<ImageLink> links;
        try {
            links = ImageLinks.find(session.script(ImageLinks.DOM_SCRIPT), proxy.exchanges());
        } catch (RuntimeException e) {
            return new ImageFetcher.Result(List.of(), List.of("images: the page's images and links could not be "
                    + "read: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")), 0);
        }
        if (links.isEmpty()) {
            return new ImageFetcher.Result(List.of(), List.of(), 0);
        }
        return new ImageFetcher(mediaClient(proxy, page, target), scratch, options.videos().maxBytes(),
                options.videos().timeBound()).fetch(links);
    }

    /** The URL the page ended at, or the one asked for when there is no page or no final URL. */
    private static String pageUrl(PageResult page, CaptureTarget target) {
        return page != null && page.finalUrl() != null ? page.finalUrl() : target.request().toASCIIString();
    }

    /** A client that fetches through the recording proxy as the page would: its URL as referer, its user agent. */
    private MediaClient mediaClient(RecordingProxy proxy, PageResult page, CaptureTarget target) {
        String pageUrl = pageUrl(page, target);
        String userAgent = page == null || page.versions() == null ? null : page.versions().userAgent();
        return new MediaClient(new java.net.InetSocketAddress(options.proxyHost(), proxy.address().getPort()),
                ca.certificate(), pageUrl, userAgent);
    }

    /**
     * Keeps every video the page played, embedded or linked to (through the still-open recording proxy); nothing
     * is fetched and no tool is started for a page without one.
     */
    private VideoHarvester.Result videos(BrowserSession session, RecordingProxy proxy, PageResult page,
                                         CaptureTarget target, Path scratch, long spent) {
        List<String> sources = new ArrayList<>();
        List<String> links = new ArrayList<>();
        if (!options.videos().enabled()) {
            return new VideoHarvester.Result(List.of(), List.of());
        }
        try {
            if (session.script(VideoCandidates.DOM_SCRIPT) instanceof Map<?, ?> dom) {
                strings(dom.get("videos"), sources);
                strings(dom.get("links"), links);
            }
        } catch (RuntimeException e) {
            // a page that no longer answers: its traffic still shows the videos it loaded
        }
        List<Candidate> candidates = VideoCandidates.find(proxy.exchanges(), sources, links);
        if (candidates.isEmpty()) {
            return new VideoHarvester.Result(List.of(), List.of());
        }
        Ffmpeg ffmpeg;
        List<String> missing = new ArrayList<>();
        try {
            ffmpeg = Ffmpeg.onPath();
        } catch (FfmpegMissingException e) {
            ffmpeg = null;
            missing.add("videos: " + e.getMessage());
        }
        String pageUrl = pageUrl(page, target);
        Instant from = Instant.now();
        MediaClient client = mediaClient(proxy, page, target);
        VideoHarvester.Result r = new VideoHarvester(client, inspector, ffmpeg, scratch, options.videos(),
                urls -> proxy.exchanges().stream().filter(x -> !x.started().isBefore(from) && urls.contains(x.uri()))
                        .map(Exchange::id).toList()).afterSpending(spent).harvest(candidates, pageUrl);
        missing.addAll(r.warnings());
        return new VideoHarvester.Result(r.videos(), missing);
    }

    /**
     * A video Exhibit kept whole is in {@code videos/} already: the same bytes extracted again from the WARC (the
     * kept fetch, or the page's own) are not listed a second time under {@code resources/}.
     */
    private static void dropKeptVideos(Path folder, Map<String, Resource> resources, VideoHarvester.Result videos)
            throws IOException {
        if (videos == null || videos.videos().isEmpty()) {
            return;
        }
        java.util.Set<String> kept = new java.util.HashSet<>();
        videos.videos().forEach(v -> v.artifacts().forEach(a -> kept.add(a.sha256())));
        for (var it = resources.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (kept.contains(e.getValue().sha256())) {
                Files.deleteIfExists(folder.resolve(CaptureFolder.RESOURCES).resolve(e.getKey()));
                it.remove();
            }
        }
    }

    private static void strings(Object list, List<String> out) {
        if (list instanceof List<?> l) {
            l.forEach(o -> out.add(String.valueOf(o)));
        }
    }

    /** The pool of running browsers, made on first use; null when each capture starts its own browser. */
    private synchronized BrowserPool pool() throws IOException {
        if (closed) {
            throw new IllegalStateException("the capturer is closed");
        }
        if (pool == null && early != null) {
            pool = early.take();
            early = null;
        }
        if (pool == null && pools(options)) {
            pool = new BrowserPool(options.browser(), List.of(ca.spkiSha256Base64()));
        }
        return pool;
    }

    /**
     * For a command about to make its last capture: the browsers are quit, on a thread of their own, as soon as the
     * next capture's page steps are done, while its files are packaged, inspected and stamped, instead of after it
     * in {@link #close()}. A capture after that starts a browser again.
     */
    public void quitBrowsersAfterNextPage() {
        quitAfterPage = true;
    }

    private synchronized void quitBrowsers() {
        quitAfterPage = false;
        BrowserPool p = pool;
        pool = null;
        if (p != null) {
            Thread previous = quitting;
            quitting = new Thread(() -> {
                p.close();
                join(previous);
            }, "exhibit-browser-quit");
            quitting.start();
        }
    }

    private static void join(Thread t) {
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether captures with these options borrow pooled browsers: not with a profile, nor on a Selenium Grid. */
    static boolean pools(CaptureOptions options) {
        return options.grid() == null && options.browser().profile() == null;
    }

    /** Quits the browsers kept running between captures, and waits for those quit after a last page. */
    @Override
    public synchronized void close() {
        closed = true;
        if (early != null) {
            early.close();
            early = null;
        }
        if (pool != null) {
            pool.close();
            pool = null;
        }
        join(quitting);
        quitting = null;
    }

    private static CaptureOutcome outcome(Session s, List<String> warnings) {
        if (s.page != null) {
            warnings.addAll(s.page.warnings());
        }
        if (s.wire != null) {
            warnings.addAll(s.wire.warnings());
            if (s.wire.mainFailed() != null) {
                warnings.add(0, "the page itself could not be fetched: " + s.wire.mainFailed());
            }
        }
        if (s.page != null && s.page.failure() != null) {
            warnings.add(0, s.page.failure());
        }
        if (s.page == null || s.page.failure() != null || s.wire == null || s.wire.mainFailed() != null) {
            return CaptureOutcome.FAILED;
        }
        return s.page.complete() && s.wire.incomplete() == 0 && s.problems.isEmpty()
                ? CaptureOutcome.COMPLETE : CaptureOutcome.PARTIAL;
    }

    private CaptureRecord record(String id, CaptureTarget target, Map<String, String> notes, Instant startedAt,
                                 Instant endedAt, CaptureOutcome outcome, List<String> warnings, Session s,
                                 List<Artifact> files) {
        PageResult p = s.page;
        WireEvidence w = s.wire;
        var v = p == null ? null : p.versions();
        Environment env = new Environment(options.exhibitVersion(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                v == null ? null : v.browser(), v == null ? null : v.driver(), v == null ? null : v.userAgent(),
                options.browser().viewport().toString(), ZoneId.systemDefault().getId(), s.context);
        return new CaptureRecord(CaptureRecord.FORMAT, id, ws.id(), target.url(), target.request().toASCIIString(),
                p == null ? null : p.finalUrl(), w == null ? List.of() : w.redirectChain(),
                w == null ? null : w.mainDocument(), p == null ? null : p.title(), startedAt, endedAt, outcome,
                List.copyOf(warnings), steps(s), investigator.actor(),
                notes == null ? Map.of() : new LinkedHashMap<>(notes), env, w == null ? List.of() : w.tls(),
                w == null ? List.of() : w.hosts(), p == null ? List.of() : p.console(), files,
                s.videos == null ? List.of() : s.videos.videos().stream().map(VideoHarvester.Kept::record).toList());
    }

    /**
     * The page steps, then one step for each image and each video Exhibit fetched beyond the page's own loading.
     */
    private static List<Step> steps(Session s) {
        List<Step> out = new ArrayList<>(s.page == null ? List.of() : s.page.steps());
        if (s.images != null) {
            out.addAll(s.images.steps());
        }
        if (s.videos != null) {
            s.videos.videos().forEach(v -> out.add(v.step()));
        }
        return out;
    }

    private static Map<String, Object> details(CaptureRecord r, Path recordFile) throws IOException {
        return EventDetails.of(new EventDetails.Captured(r.requestedUrl(), r.finalUrl(), r.outcome().json(),
                CaptureFolder.RECORD, Sha256.of(recordFile).hex(), r.artifacts().size(), null));
    }

    /** What the browsing part produced. */
    private static final class Session {
        PageResult page;
        WireEvidence wire;
        ImageFetcher.Result images;
        VideoHarvester.Result videos;
        org.exhibit.format.record.BrowserContext context;
        final List<String> problems = new ArrayList<>();
        long startNanos;
        long stepsNanos;
        long closeNanos;
    }
}
