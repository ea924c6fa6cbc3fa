package org.exhibit.format.layout;

/** The names of the files in a capture folder, {@code data/captures/<capture-id>/} (docs/FORMAT.md). */
public final class CaptureFolder {
    /** The capture record, written last and then timestamped. */
    public static final String RECORD = "capture.json";
    /** Every HTTP(S) exchange, packaged for replay. */
    public static final String WACZ = "capture.wacz";
    /** The raw WARC: written while capturing, kept only when the WACZ could not be made. */
    public static final String WARC = "capture.warc.gz";
    public static final String SCREENSHOT_VIEWPORT = "screenshot-viewport.png";
    public static final String SCREENSHOT_FULL = "screenshot-full.png";
    /** The first screen before Exhibit clicked anything (a consent banner, an age gate); only when it did. */
    public static final String SCREENSHOT_BEFORE_ACTIONS = "screenshot-before-actions.png";
    /** The rendered DOM. */
    public static final String DOM = "page.html";
    public static final String MHTML = "page.mhtml";
    public static final String PDF = "page.pdf";
    /** The visible text of the page, the text of each frame after it. */
    public static final String PAGE_TEXT = "page-text.txt";
    /** The folder of the frames' DOMs, {@code NN.html} in document order from {@code 01}. */
    public static final String FRAMES = "frames";
    /** The folder of the images and media the page loaded, each named {@code <sha256>.<ext>}. */
    public static final String RESOURCES = "resources";
    /**
     * The folder of the images the page made itself and showed ({@code blob:} images, untainted canvases), read
     * from the page's state, each named {@code <sha256>.<ext>}.
     */
    public static final String DECODED = "decoded";
    /** The folder of the videos the page played or linked to, each one playable file {@code <sha256>.<ext>}. */
    public static final String VIDEOS = "videos";
    /** The ending of a video's vPDQ hash file beside it: {@code <sha256>.vpdq.txt}. */
    public static final String VPDQ_SUFFIX = ".vpdq.txt";

    /** The path of the {@code n}th frame's DOM (from 1, in document order): {@code frames/01.html}. */
    public static String frame(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("frames are numbered from 1, got " + n);
        }
        return FRAMES + "/" + String.format(java.util.Locale.ROOT, "%02d.html", n);
    }

    /** The path of a decoded image: {@code decoded/<sha256>.<ext>}. */
    public static String decoded(String sha256, String ext) {
        return DECODED + "/" + sha256 + "." + ext;
    }

    private CaptureFolder() {
    }
}
