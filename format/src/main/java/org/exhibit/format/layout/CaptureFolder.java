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
    /** The folder of the images and media the page loaded, each named {@code <sha256>.<ext>}. */
    public static final String RESOURCES = "resources";
    /** The folder of the videos the page played or linked to, each one playable file {@code <sha256>.<ext>}. */
    public static final String VIDEOS = "videos";
    /** The ending of a video's vPDQ hash file beside it: {@code <sha256>.vpdq.txt}. */
    public static final String VPDQ_SUFFIX = ".vpdq.txt";

    private CaptureFolder() {
    }
}
