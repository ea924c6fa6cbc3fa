package org.exhibit.capture.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.exhibit.capture.interact.AgeGate;
import org.exhibit.capture.interact.Control;
import org.exhibit.capture.interact.Interactions;
import org.exhibit.capture.interact.PageControls;
import org.exhibit.capture.interact.Reason;
import org.exhibit.format.layout.CaptureFolder;
import org.exhibit.format.record.ConsoleMessage;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;

/**
 * The page steps of a capture, in order: with a profile, bypass its HTTP cache and service workers; navigate, wait for the network, the interaction pass (consent banners
 * and age gates clicked, each click a step, the first screen kept before the first), the walls left (a login wall
 * or an age gate makes the capture partial), scroll down (clicking "load more" controls on the way) and back,
 * screenshots, rendered DOM, MHTML, PDF, the images the page made itself (blob: images and untainted
 * canvases, under {@code decoded/}), title and URL, visible text, console. Each runs under its own deadline and is recorded;
 * the network-bound ones (the load, each wait for quiet) also share one budget, {@link PageTimeouts#network()};
 * a step that fails never loses what the others got.
 *
 * <pre>{@code
 * PageResult page = new PageSteps(PageTimeouts.DEFAULT, proxy::awaitIdle).run(session, url, folder);
 * page.files();    // {screenshot-viewport=screenshot-viewport.png, screenshot-full=screenshot-full.png, ...}
 * }</pre>
 */
public final class PageSteps {
    public static final String SCREENSHOT_VIEWPORT = CaptureFolder.SCREENSHOT_VIEWPORT;
    public static final String SCREENSHOT_FULL = CaptureFolder.SCREENSHOT_FULL;
    public static final String SCREENSHOT_BEFORE_ACTIONS = CaptureFolder.SCREENSHOT_BEFORE_ACTIONS;
    public static final String DOM = CaptureFolder.DOM;
    public static final String MHTML = CaptureFolder.MHTML;
    public static final String PDF = CaptureFolder.PDF;
    public static final String PAGE_TEXT = CaptureFolder.PAGE_TEXT;
    /** Taller pages are cut here (one bitmap of 1366 x 32767 is already 180 MB in the browser); the step is then partial. */
    public static final int MAX_SCREENSHOT_HEIGHT = 32_767;
    private static final Duration MARGIN = Duration.ofSeconds(10);
    /** After a click, before waiting for the network: long enough for a click handler to start its requests. */
    private static final long CLICK_SETTLE_MS = 300;

    private final PageTimeouts timeouts;
    private final NetworkIdle idle;
    private final Interactions interactions;

    /** @param idle how to wait for the network to go quiet; null to judge from the page's own resource timings */
    public PageSteps(PageTimeouts timeouts, NetworkIdle idle) {
        this(timeouts, idle, Interactions.DEFAULT);
    }

    /** @param interactions what the interaction pass may click */
    public PageSteps(PageTimeouts timeouts, NetworkIdle idle, Interactions interactions) {
        this.timeouts = timeouts;
        this.idle = idle;
        this.interactions = interactions;
    }

    /** Loads {@code url} in {@code session} and writes the page's files into {@code folder}. */
    public PageResult run(BrowserSession session, URI url, Path folder) {
        StepRecorder rec = new StepRecorder(session);
        Map<String, String> files = new LinkedHashMap<>();
        WebDriver driver = session.driver();
        BrowserVersions versions = rec.run("browser", timeouts.step(), session::versions);
        if (session.options().profile() != null) {
            rec.run("cache-disabled", timeouts.step(), () -> disableCaches(session, rec));
        }
        NetworkBudget budget = new NetworkBudget(timeouts.network());
        Boolean loaded = rec.run("navigate", timeouts.navigate().plus(MARGIN), () -> navigate(session, url, rec));
        if (loaded == null) {
            rec.stop("navigation failed: " + rec.steps().get(rec.steps().size() - 1).message());
        }
        waitForNetwork(rec, "network-idle", session, budget, OptionalLong.empty());
        boolean[] acted = {false};
        List<Reason> pass = interactions.ageGate() == AgeGate.ACCEPT ? List.of(Reason.CONSENT, Reason.AGE_GATE)
                : List.of(Reason.CONSENT);
        for (int i = 0; i < interactions.maxPassClicks(); i++) {
            Control c = rec.runQuietly("find-controls", timeouts.step(), () -> PageControls.find(session, pass));
            if (c == null) {
                break;
            }
            click(rec, files, folder, session, c, acted, budget);
        }
        rec.run("walls", timeouts.step(), () -> walls(rec, session));
        Scroller.Scrolled scrolled = scroll(rec, files, folder, session, acted, budget);
        waitForNetwork(rec, "network-idle-after-scroll", session, budget,
                scrolled == null ? OptionalLong.empty() : scrolled.quietSince());
        AtomicReference<byte[]> firstScreen = new AtomicReference<>();
        write(rec, files, "screenshot-viewport", folder.resolve(SCREENSHOT_VIEWPORT), out -> {
            byte[] png = Screenshots.viewport(session);
            out.write(png);
            firstScreen.set(png);
        });
        write(rec, files, "screenshot-full", folder.resolve(SCREENSHOT_FULL),
                out -> out.write(Screenshots.fullPage(session, MAX_SCREENSHOT_HEIGHT, rec::partial, firstScreen.getAndSet(null))));
        write(rec, files, "dom", folder.resolve(DOM), out -> out.write(dom(session).getBytes(StandardCharsets.UTF_8)));
        write(rec, files, "mhtml", folder.resolve(MHTML), out -> out.write(mhtml(session)));
        write(rec, files, "pdf", folder.resolve(PDF), out -> Printer.pdf(session, out));
        List<DecodedImage> decoded = decodedImages(rec, session, folder);
        String[] page = rec.run("page-info", timeouts.step(),
                () -> new String[] {driver.getCurrentUrl(), driver.getTitle()});
        List<Frames.Frame> frames = rec.run("frames", timeouts.step(), () -> Frames.read(session, rec::partial));
        List<PageFrame> kept = frames == null ? List.of() : keepFrames(rec, frames, folder);
        AtomicReference<String> read = new AtomicReference<>();
        write(rec, files, "page-text", folder.resolve(PAGE_TEXT), out -> {
            driver.switchTo().defaultContent(); // the top document, even if the frames step timed out inside a frame
            String main = text(session);
            read.set(main);
            out.write(pageText(main, frames == null ? List.of() : frames).getBytes(StandardCharsets.UTF_8));
        });
        String text = read.get();
        List<ConsoleMessage> console = rec.run("console", timeouts.step(), session::console);
        return new PageResult(page == null ? null : page[0], page == null ? null : page[1], text, versions,
                session.options().viewport(), rec.steps(), console == null ? List.of() : console, files, kept,
                decoded, rec.broken());
    }

    /**
     * The {@code decoded-images} step: the {@code blob:} images and untainted canvases of the top document, saved
     * under {@code decoded/}; the message says how many were saved and skipped, and why.
     */
    private List<DecodedImage> decodedImages(StepRecorder rec, BrowserSession session, Path folder) {
        List<DecodedImage> kept = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        rec.run("decoded-images", timeouts.step().plus(MARGIN), () -> {
            DecodedImages.Read r = DecodedImages.read(session, folder, timeouts.step(), kept::add);
            if (r.over()) {
                rec.partial(r.message());
            } else {
                rec.note(r.message());
            }
            return r;
        });
        synchronized (kept) { // what a step cut short had written is listed too
            return List.copyOf(kept);
        }
    }

    /**
     * Scrolls down, clicking "load more" controls at the bottom up to the bound; each scroll and click a step.
     * Returns where the last scroll step stopped, null if it failed.
     */
    private Scroller.Scrolled scroll(StepRecorder rec, Map<String, String> files, Path folder, BrowserSession session,
                                     boolean[] acted, NetworkBudget budget) {
        Scroller scroller = new Scroller(session, timeouts, idle != null ? idle : new PageResourceIdle(session));
        List<Reason> more = List.of(Reason.LOAD_MORE);
        for (int clicks = 0; ; clicks++) {
            boolean click = clicks < interactions.maxLoadMore();
            Scroller.Scrolled s = rec.run("scroll", timeouts.scroll().plus(MARGIN), () -> scroller.run(rec::partial,
                    rec::note, interactions.maxLoadMore() == 0 ? null : () -> PageControls.find(session, more), click));
            if (s == null || s.next() == null) {
                return s;
            }
            click(rec, files, folder, session, s.next(), acted, budget);
        }
    }

    /** Clicks {@code c} as a step, after keeping the first screen if nothing was clicked before; waits for its effect. */
    private void click(StepRecorder rec, Map<String, String> files, Path folder, BrowserSession session, Control c,
                       boolean[] acted, NetworkBudget budget) {
        if (!acted[0]) {
            acted[0] = true;
            write(rec, files, "screenshot-before-actions", folder.resolve(SCREENSHOT_BEFORE_ACTIONS),
                    out -> out.write(Screenshots.viewport(session)));
        }
        NetworkIdle wait = idle != null ? idle : new PageResourceIdle(session);
        Duration max = budget.cap(timeouts.idle(), floor());
        rec.run("click", timeouts.step().plus(max), () -> {
            PageControls.click(session, c);
            rec.note(c.describe());
            Thread.sleep(CLICK_SETTLE_MS);
            wait.await(timeouts.quiet(), max);
            return Boolean.TRUE;
        });
    }

    /** Records as partial what still stands between a person and the content after the interaction pass. */
    private Boolean walls(StepRecorder rec, BrowserSession session) {
        List<String> walls = PageControls.walls(session).stream().map(w -> w.startsWith("login wall")
                ? w + "; the content needs a logged-in profile, see `exhibit profile create`"
                : w.startsWith("age gate") && interactions.ageGate() == AgeGate.STOP ? w + " (--age-gate stop)" : w).toList();
        if (!walls.isEmpty()) {
            rec.partial(String.join("; ", walls));
        }
        return Boolean.TRUE;
    }

    /**
     * With a logged-in profile the browser may hold the page's images in its HTTP cache or a service worker's:
     * the HTTP cache is emptied (for frames in processes of their own, which this tab's setting may not reach) and
     * disabled, and service workers are bypassed for this tab, so every byte the page shows comes through the
     * recording proxy. Cookies and storage are left alone: the session is what the profile is for.
     */
    private static Boolean disableCaches(BrowserSession session, StepRecorder rec) {
        session.cdp("Network.enable", Map.of());
        session.cdp("Network.clearBrowserCache", Map.of());
        session.cdp("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        session.cdp("Network.setBypassServiceWorker", Map.of("bypass", true));
        rec.note("the profile's HTTP cache is emptied and disabled and its service workers are bypassed: "
                + "every response comes through the recording proxy");
        return Boolean.TRUE;
    }

    private Boolean navigate(BrowserSession session, URI url, StepRecorder rec) {
        WebDriver driver = session.driver();
        driver.manage().timeouts().pageLoadTimeout(timeouts.navigate());
        try {
            driver.get(url.toASCIIString());
        } catch (TimeoutException e) {
            rec.partial("the page did not finish loading within " + StepRecorder.seconds(timeouts.navigate()));
            session.cdp("Page.stopLoading", Map.of());
        }
        return Boolean.TRUE;
    }

    /**
     * Waits for the network to go quiet, for at most the idle bound or what is left of the page's network budget
     * (but at least {@link #floor()}, to see a quiet network as quiet); a page still busy makes the step partial.
     * The quiet period is counted from the step's start at the earliest, or with {@code since} (a
     * {@link System#nanoTime()} reading: the last scroll, when the scroll step's settle at the bottom saw the network
     * quiet and nothing was done to the page after it but scrolling back up) from then: the step then says so.
     */
    private void waitForNetwork(StepRecorder rec, String name, BrowserSession session, NetworkBudget budget,
                                OptionalLong since) {
        NetworkIdle wait = idle != null ? idle : new PageResourceIdle(session);
        Duration max = budget.cap(timeouts.idle(), floor());
        rec.run(name, max.plus(MARGIN), () -> {
            long start = System.nanoTime();
            boolean quiet = since.isPresent() ? wait.await(timeouts.quiet(), max, since.getAsLong())
                    : wait.await(timeouts.quiet(), max);
            if (!quiet) {
                rec.partial("the network was still busy after " + StepRecorder.seconds(max)
                        + (budget.cut(max, timeouts.idle()) ? " (the page's network time of "
                        + StepRecorder.seconds(budget.total()) + " in all is spent)" : ""));
            } else if (!wait.stalled().isEmpty()) {
                rec.partial("the network went quiet but for " + wait.stalled().size() + " request(s) still open that "
                        + "received nothing for a while (a long poll, or a response that stopped coming): "
                        + String.join(", ", wait.stalled()));
            } else if (since.isPresent()) {
                rec.note("quiet counted from the last scroll, at the bottom of the page "
                        + StepRecorder.seconds(Duration.ofNanos(start - since.getAsLong())) + " before this step");
            }
            return Boolean.TRUE;
        });
    }

    /** The shortest wait for quiet, even with the budget spent: twice the quiet period. */
    private Duration floor() {
        return timeouts.quiet().multipliedBy(2);
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private void write(StepRecorder rec, Map<String, String> files, String role, Path file, Body body) {
        Boolean done = rec.run(role, timeouts.step(), () -> {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return Boolean.TRUE;
        });
        if (done != null) {
            files.put(role, file.getFileName().toString());
        }
    }

    /** The DOM of the top document, open shadow roots included. */
    private static String dom(BrowserSession session) {
        return String.valueOf(session.script(PageScripts.DOM));
    }

    /** The text of the page as rendered, as a person can read and select it: hidden elements and scripts left out. */
    private static String text(BrowserSession session) {
        Object text = session.script(PageScripts.TEXT);
        return text == null ? "" : String.valueOf(text);
    }

    /** Writes each frame's DOM to {@code frames/NN.html}, in document order; one step for all of them. */
    private List<PageFrame> keepFrames(StepRecorder rec, List<Frames.Frame> frames, Path folder) {
        if (frames.isEmpty()) {
            return List.of();
        }
        List<PageFrame> kept = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        rec.run("frame-dom", timeouts.step(), () -> {
            Files.createDirectories(folder.resolve(CaptureFolder.FRAMES));
            for (int i = 0; i < frames.size(); i++) {
                String name = CaptureFolder.frame(i + 1);
                Path file = folder.resolve(name);
                Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
                Files.writeString(tmp, frames.get(i).html(), StandardCharsets.UTF_8);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                kept.add(new PageFrame(name, frames.get(i).url()));
            }
            return Boolean.TRUE;
        });
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    /**
     * The page's text, then each frame's under a line that names it: {@code --- frame 01: <url> ---}, so a reader
     * sees which text came from which document.
     */
    static String pageText(String main, List<Frames.Frame> frames) {
        StringBuilder b = new StringBuilder(main);
        for (int i = 0; i < frames.size(); i++) {
            Frames.Frame f = frames.get(i);
            b.append(b.length() == 0 || b.charAt(b.length() - 1) == '\n' ? "" : "\n")
                    .append(String.format(java.util.Locale.ROOT, "\n--- frame %02d: %s ---\n", i + 1, f.url()))
                    .append(f.text());
        }
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
            b.append('\n');
        }
        return b.toString();
    }

    private static byte[] mhtml(BrowserSession session) {
        Object data = session.cdp("Page.captureSnapshot", Map.of("format", "mhtml")).get("data");
        return String.valueOf(data).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] base64(Object data) {
        return Base64.getDecoder().decode(String.valueOf(data));
    }
}
