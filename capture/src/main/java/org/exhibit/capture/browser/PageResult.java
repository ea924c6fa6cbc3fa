package org.exhibit.capture.browser;

import java.util.List;
import java.util.Map;
import org.exhibit.format.record.ConsoleMessage;
import org.exhibit.format.record.Step;
import org.exhibit.format.record.StepOutcome;

/**
 * What the page steps saw and wrote.
 *
 * @param finalUrl   the URL the browser showed at the end, or null if navigation failed
 * @param title      the page title, or null
 * @param text       the page's visible text (the body's {@code innerText}), or null if it could not be read
 * @param versions   browser, driver and user agent, or null if the browser stopped answering first
 * @param viewport   the window size used
 * @param steps      every step, in order, with its outcome
 * @param console    the browser console messages
 * @param files      role to file name (in the capture folder) of each file written, in writing order
 * @param frames     the frames whose DOM was kept under {@code frames/}, in document order
 * @param decoded    the images the page made itself and showed, saved under {@code decoded/}, in document order
 * @param failure    why the page could not be captured as a person saw it: navigation failed, or the browser
 *                   crashed or stopped answering (what the steps before got is kept); null otherwise
 */
public record PageResult(String finalUrl, String title, String text, BrowserVersions versions, Viewport viewport,
                         List<Step> steps, List<ConsoleMessage> console, Map<String, String> files,
                         List<PageFrame> frames, List<DecodedImage> decoded, String failure) {
    /** True when every step ended ok. */
    public boolean complete() {
        return failure == null && steps.stream().allMatch(s -> s.outcome() == StepOutcome.OK);
    }

    /** One line per step that did not end ok: "scroll: stopped after 30 screens". */
    public List<String> warnings() {
        return steps.stream().filter(s -> s.outcome() != StepOutcome.OK)
                .map(s -> s.name() + ": " + s.outcome().json() + (s.message() == null ? "" : ", " + s.message()))
                .toList();
    }
}
