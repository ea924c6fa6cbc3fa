package org.exhibit.format.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exhibit.format.record.Actor;
import org.exhibit.format.record.Artifact;
import org.exhibit.format.record.ConsoleMessage;
import org.exhibit.format.record.OriginInfo;
import org.exhibit.format.record.Step;

/**
 * {@code capture.json}: what was asked, what the browser and the wire showed, and every file of the capture
 * folder with its hash (docs/FORMAT.md, "A capture folder"). Written last, then timestamped at once.
 *
 * @param format        1
 * @param id            the capture id, e.g. "0001"
 * @param caseId        the case it belongs to
 * @param requestedUrl  the URL as given, host in Unicode
 * @param requestUrl    what the browser was sent to (punycode host, percent-encoded)
 * @param finalUrl      where the browser ended up
 * @param redirectChain each redirect answer on the way from requestUrl to the final document
 * @param mainDocument  the final document's HTTP status and headers, as received
 * @param title         the page title
 * @param startedAt     capture start (local clock, UTC)
 * @param endedAt       capture end, before the record was written
 * @param outcome       complete, partial or failed
 * @param warnings      why the capture is partial or failed, and what else went wrong; empty when nothing
 * @param steps         each page step with its times and outcome
 * @param investigator  who captured (name, certificate SHA-256)
 * @param notes         what the investigator said about the URL (platform, username, ...)
 * @param environment   the software and settings that captured it
 * @param tls           per HTTPS origin: IP, protocol, the certificate chain exactly as the server presented it
 *                      (subject, issuer, validity, SHA-256, PEM) and why a normal client would not trust it
 * @param hosts         each host contacted and the IP address it resolved to
 * @param console       the browser console messages
 * @param artifacts     every file of the capture folder except this record and its timestamps
 * @param videos        every video the page played, embedded or linked to, each kept as one playable file;
 *                      null in records made before videos were kept
 */
public record CaptureRecord(int format, String id, String caseId, String requestedUrl, String requestUrl,
                            String finalUrl, List<Redirect> redirectChain, MainDocument mainDocument, String title,
                            Instant startedAt, Instant endedAt, CaptureOutcome outcome, List<String> warnings,
                            List<Step> steps, Actor investigator, Map<String, String> notes, Environment environment,
                            List<OriginInfo> tls, List<HostAddress> hosts, List<ConsoleMessage> console,
                            List<Artifact> artifacts, List<VideoRecord> videos) implements EvidenceRecord {
    public static final int FORMAT = 1;

    @Override
    public Actor author() {
        return investigator;
    }

    /** One redirect answer: the URL asked, its status and where it sent the browser. */
    public record Redirect(String url, int status, String location) {
    }

    /** The final document's answer; headers in the order received, repeated names kept. */
    public record MainDocument(String url, int status, List<Header> headers) {
    }

    public record Header(String name, String value) {
    }

    /**
     * What captured the page.
     *
     * @param viewport "1366x900"
     * @param timeZone       the capturing machine's zone id, e.g. "Europe/Berlin"
     * @param browserContext how the browser state was prepared, for a capture in a browser kept running between
     *                       captures; null when the capture started a browser of its own
     */
    public record Environment(String exhibitVersion, String java, String os, String browser, String driver,
                              String userAgent, String viewport, String timeZone, BrowserContext browserContext) {
    }

    /** A host the page contacted and the IP address used. */
    public record HostAddress(String host, String ip) {
    }
}
