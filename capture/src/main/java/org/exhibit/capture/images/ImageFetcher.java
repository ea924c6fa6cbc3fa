package org.exhibit.capture.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exhibit.capture.video.MediaClient;
import org.exhibit.format.record.Step;
import org.exhibit.format.record.StepOutcome;

/**
 * Fetches the images a page offers but did not load whole through the recording proxy, one {@code fetch} step
 * each, within a byte budget (what is left of {@code --max-media-bytes}) and a time bound. The bytes are kept by
 * the WARC; the resource extraction that follows the page steps writes them to {@code resources/}. What is read
 * here goes to a scratch file that is deleted.
 *
 * <pre>{@code
 * ImageFetcher.Result r = new ImageFetcher(client, scratch, options.videos().maxBytes(), Duration.ofMinutes(10))
 *         .fetch(ImageLinks.find(session.script(ImageLinks.DOM_SCRIPT), proxy.exchanges()));
 * }</pre>
 */
public final class ImageFetcher {
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);

    private final MediaClient client;
    private final Path scratch;
    private final long maxBytes;
    private final Duration timeBound;

    /**
     * @param steps    one {@code fetch} step for each image, in order
     * @param warnings what failed or was cut: the capture is partial when there is any
     * @param bytes    bytes fetched, all images together
     */
    public record Result(List<Step> steps, List<String> warnings, long bytes) {
    }

    /**
     * @param scratch   a folder for the one file read at a time (created if missing, the file deleted after)
     * @param maxBytes  bytes all images together may take
     * @param timeBound time all images together may take
     */
    public ImageFetcher(MediaClient client, Path scratch, long maxBytes, Duration timeBound) {
        this.client = client;
        this.scratch = scratch;
        this.maxBytes = maxBytes;
        this.timeBound = timeBound;
    }

    public Result fetch(List<ImageLink> links) {
        List<Step> steps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long budget = maxBytes;
        Instant deadline = Instant.now().plus(timeBound);
        if (links.size() > ImageLinks.MAX) {
            warnings.add("images: the page offers " + links.size() + " images beyond what it loaded; only the first "
                    + ImageLinks.MAX + " were fetched");
        }
        Path file = scratch.resolve(".image-fetch");
        try {
            Files.createDirectories(scratch);
            for (ImageLink link : links.subList(0, Math.min(links.size(), ImageLinks.MAX))) {
                Instant started = Instant.now();
                String bound = budget <= 0 ? "the bound of " + maxBytes + " bytes of media per capture "
                        + "(--max-media-bytes) was reached"
                        : started.isAfter(deadline) ? "the time bound of " + timeBound.toSeconds()
                        + " s for images was reached" : null;
                if (bound != null) {
                    warnings.add("images: " + bound + "; " + (links.size() - steps.size()) + " not fetched, from "
                            + link.url());
                    break;
                }
                String what = link.url() + " (" + link.why() + ")";
                try {
                    MediaClient.Fetched f = client.get(link.url(), file, budget,
                            min(FETCH_TIMEOUT, Duration.between(started, deadline).plusSeconds(1)));
                    budget -= f.bytes();
                    String got = what + ": fetched " + f.bytes() + " bytes"
                            + (f.contentType() == null ? "" : " (" + f.contentType() + ")") + " through the recording proxy";
                    if (!f.ok()) {
                        warnings.add("images: " + link.url() + ": HTTP " + f.status());
                        steps.add(new Step("fetch", started, Instant.now(), StepOutcome.FAILED,
                                what + ": HTTP " + f.status()));
                    } else if (f.cut()) {
                        String cut = "cut at " + f.bytes() + " bytes: the bound of " + maxBytes
                                + " bytes of media per capture (--max-media-bytes) was reached";
                        warnings.add("images: " + link.url() + ": " + cut);
                        steps.add(new Step("fetch", started, Instant.now(), StepOutcome.PARTIAL, got + "; " + cut));
                    } else {
                        boolean image = f.contentType() != null
                                && f.contentType().toLowerCase(Locale.ROOT).startsWith("image/");
                        steps.add(new Step("fetch", started, Instant.now(), StepOutcome.OK, got
                                + (image ? "" : "; not an image, so it is in the WARC only")));
                    }
                } catch (IOException | RuntimeException e) {
                    // a URL the HTTP client will not take (IllegalArgumentException) ends this image only
                    warnings.add("images: " + link.url() + ": " + e.getMessage());
                    steps.add(new Step("fetch", started, Instant.now(), StepOutcome.FAILED, what + ": " + e.getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    warnings.add("images: interrupted while fetching " + link.url());
                    steps.add(new Step("fetch", started, Instant.now(), StepOutcome.FAILED, what + ": interrupted"));
                    break;
                }
            }
        } catch (IOException e) {
            warnings.add("images: no scratch file could be made in " + scratch + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a scratch file is never listed in a record
            }
        }
        return new Result(List.copyOf(steps), List.copyOf(warnings), maxBytes - budget);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
