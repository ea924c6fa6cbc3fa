package org.exhibit.report.depiction;

/** Whether reports blur images that may show intimate content (the default) or show them. */
public enum ImageMode {
    /** Depicted from a copy at most {@link Depicter#BLUR_MAX} pixels on its longer side: no detail survives. */
    BLURRED,
    /** Shown scaled down to fit the page ({@code --show-images}). */
    SHOWN
}
