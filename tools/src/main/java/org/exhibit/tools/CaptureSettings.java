package org.exhibit.tools;

import java.nio.file.Path;
import java.time.Duration;
import org.exhibit.capture.CaptureOptions;
import org.exhibit.capture.browser.PageTimeouts;
import org.exhibit.capture.browser.Viewport;
import org.exhibit.capture.interact.AgeGate;
import org.exhibit.capture.interact.Interactions;
import org.exhibit.capture.video.VideoOptions;
import picocli.CommandLine.Option;

/** The browser and page settings of a capture, shared by {@code exhibit capture} and {@code exhibit recheck}. */
public final class CaptureSettings {
    @Option(names = "--profile", paramLabel = "DIR",
            description = "Use this Chromium profile (one you logged in with, see 'exhibit profile create') instead of a "
                    + "fresh one per capture; its HTTP cache is emptied and disabled and its service workers bypassed, so "
                    + "every image is recorded. "
                    + "Close the profile's browser first.")
    Path profile;

    @Option(names = "--window", paramLabel = "WxH", defaultValue = "1366x900",
            description = "Window size in CSS pixels (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--browser", paramLabel = "PATH",
            description = "Chromium executable (default: $EXHIBIT_CHROMIUM or /usr/bin/chromium).")
    Path browser;

    @Option(names = "--driver", paramLabel = "PATH",
            description = "chromedriver executable (default: $EXHIBIT_CHROMEDRIVER or /usr/bin/chromedriver).")
    Path driver;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "How long a page may keep its capture waiting on the network, in all: its load, and each wait "
                    + "for the network to go quiet (after loading, a click, scrolling) takes what is left; when it runs "
                    + "out the capture goes on with what arrived and is marked partial (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--scroll-limit", paramLabel = "SCREENS", defaultValue = "200",
            description = "Scroll down at most this many screens (an infinite feed goes on); a page cut by it is partial "
                    + "(default: ${DEFAULT-VALUE}).")
    int scrollScreens;

    @Option(names = "--scroll-seconds", paramLabel = "SECONDS", defaultValue = "60",
            description = "Scroll down for at most this long, \"load more\" clicks included; a page cut by it is partial "
                    + "(default: ${DEFAULT-VALUE}).")
    int scrollSeconds;

    @Option(names = "--age-gate", paramLabel = "accept|stop", defaultValue = "accept",
            description = "At an age gate (\"I am 18 or older\"): click through it as an adult would, or stop there and "
                    + "mark the capture partial (default: ${DEFAULT-VALUE}). Every click is recorded as a step.")
    String ageGate;

    @Option(names = "--max-media-bytes", paramLabel = "BYTES", defaultValue = "2000000000",
            description = "Media fetched to keep a capture's full-size images and videos, all together (images "
                    + "first); a video cut by it is kept as far as it got and the capture is partial "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxMediaBytes;

    @Option(names = "--media-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Time spent fetching a capture's videos, all together, and again its full-size images "
                    + "(default: ${DEFAULT-VALUE}).")
    int mediaTimeoutSeconds;

    @Option(names = "--live-seconds", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long a live stream (a playlist that never ends) is recorded (default: ${DEFAULT-VALUE}).")
    int liveSeconds;

    @Option(names = "--no-videos", description = "Do not keep the videos a page plays or links to (they stay in the WARC "
            + "as far as the page loaded them).")
    boolean noVideos;

    /** The capture options these settings give; a bad value is a {@link UsageException} naming it. */
    CaptureOptions options() {
        Viewport viewport;
        try {
            viewport = Viewport.parse(window);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--window: " + e.getMessage());
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new UsageException("--timeout: expected 1 to 3600 seconds, got " + timeoutSeconds);
        }
        if (scrollScreens < 1 || scrollScreens > 100_000) {
            throw new UsageException("--scroll-limit: expected 1 to 100000 screens, got " + scrollScreens);
        }
        if (scrollSeconds < 1 || scrollSeconds > 3600) {
            throw new UsageException("--scroll-seconds: expected 1 to 3600 seconds, got " + scrollSeconds);
        }
        AgeGate gate;
        try {
            gate = AgeGate.parse(ageGate);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--age-gate: " + e.getMessage());
        }
        VideoOptions videos;
        try {
            videos = new VideoOptions(maxMediaBytes, Duration.ofSeconds(mediaTimeoutSeconds),
                    Duration.ofSeconds(liveSeconds), !noVideos);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return CaptureOptions.defaults().withChromium(browser, driver).withProfile(profile).withViewport(viewport)
                .withTimeouts(PageTimeouts.DEFAULT.withNavigate(Duration.ofSeconds(timeoutSeconds))
                        .withScroll(scrollScreens, Duration.ofSeconds(scrollSeconds)))
                .withInteractions(Interactions.DEFAULT.withAgeGate(gate))
                .withExhibitVersion(Version.current()).withVideos(videos);
    }

}
