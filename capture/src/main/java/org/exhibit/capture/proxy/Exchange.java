package org.exhibit.capture.proxy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request and its response as seen by the proxy: a snapshot, taken when asked.
 *
 * @param id              the WARC-Record-ID of its request record ({@code urn:uuid:...})
 * @param method          request method
 * @param uri             the URL requested, exactly as the browser wrote it
 * @param requestHeaders  the request fields as sent to the origin
 * @param status          response status, 0 if no response head arrived
 * @param responseHeaders response fields as received, in order (empty if none arrived)
 * @param remoteIp        the address actually connected to, null if resolving failed
 * @param started         when the request head was read
 * @param ended           when the exchange ended, null while {@link Outcome#IN_FLIGHT}
 * @param outcome         how it ended
 * @param reason          why it is incomplete or failed; for a complete exchange, null, or the recording limit
 *                        that was hit (the browser got everything, the WARC record is truncated)
 * @param contentType     the response Content-Type, null if none
 * @param bodySize        response body bytes received, without transfer coding
 */
public record Exchange(String id, String method, String uri, Map<String, List<String>> requestHeaders, int status,
                       Map<String, List<String>> responseHeaders, String remoteIp, Instant started, Instant ended,
                       Outcome outcome, String reason, String contentType, long bodySize) {
    /** The reason of an exchange the proxy refused because the browser made it for itself (never sent). */
    public static final String BROWSER_OWN = "refused: the browser's own request, not page content; never sent";


    /** How an exchange ended. */
    public enum Outcome {
        /** Still open. */
        IN_FLIGHT,
        /** The whole response was received, forwarded and recorded. */
        COMPLETE,
        /** The request was sent but the response did not arrive whole (timeout, disconnect, proxy closed). */
        INCOMPLETE,
        /** The origin could not be reached; the browser was answered 502. */
        FAILED
    }

    /** The first value of a response field, case-insensitive. */
    public java.util.Optional<String> responseHeader(String name) {
        return first(responseHeaders, name);
    }

    /** The first value of a request field, case-insensitive. */
    public java.util.Optional<String> requestHeader(String name) {
        return first(requestHeaders, name);
    }

    private static java.util.Optional<String> first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }
}
