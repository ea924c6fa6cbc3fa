package org.exhibit.capture.recheck;

import java.util.List;
import org.exhibit.format.custody.EventDetails;
import org.exhibit.format.custody.RecheckVerdict;

/**
 * One URL of a recheck run.
 *
 * @param url       the URL
 * @param verdict   gone, back, changed, unchanged or unreachable; null when the URL had no earlier capture (a new
 *                  URL of {@code --urls}) or was not captured (the run stopped, or the capture could not be kept)
 * @param reason    why, in one line (or why nothing was captured)
 * @param previous  the previous capture, {@code captures/0001}, or null
 * @param capture   the new capture, {@code captures/0007}, or null
 * @param news      whether it is worth telling someone: newly gone, back, changed, or a re-upload
 * @param details   the {@code rechecked} line's details, or null without a verdict
 */
public record UrlCheck(String url, RecheckVerdict verdict, String reason, String previous, String capture,
                       boolean news, EventDetails.Rechecked details) {
    /** The re-uploads found in the new capture; empty without any. */
    public List<EventDetails.Reupload> reuploads() {
        return details == null || details.reuploads() == null ? List.of() : details.reuploads();
    }
}
