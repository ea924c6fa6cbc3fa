package org.exhibit.capture.proxy;

import java.io.Closeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An exchange while it is open: written by its connection's thread, read by snapshots and the watchdog. */
final class OpenExchange {
    final String requestId = "urn:uuid:" + UUID.randomUUID();
    final String responseId = "urn:uuid:" + UUID.randomUUID();
    final String method;
    final String uri;
    final Instant started = Instant.now();
    final long deadlineNanos;
    volatile Map<String, List<String>> requestHeaders = Map.of();
    volatile HttpHead response;
    volatile Spool responseSpool;
    volatile String ip;
    private volatile Closeable upstream;
    private volatile Closeable browser;
    private volatile String abortReason;
    private volatile long abortedAt;
    final long startedNanos = System.nanoTime();

    OpenExchange(String method, String uri, long timeoutNanos) {
        this.method = method;
        this.uri = uri;
        this.deadlineNanos = System.nanoTime() + timeoutNanos;
    }

    void attach(Closeable upstreamConnection) {
        this.upstream = upstreamConnection;
        if (abortReason != null) {
            OriginLink.closeQuietly(upstreamConnection);
        }
    }

    void attachBrowser(Closeable browserConnection) {
        this.browser = browserConnection;
    }

    /** Ends the exchange from outside: its origin connection is closed, its thread records what it has. */
    void abort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
            abortedAt = System.nanoTime();
        }
        OriginLink.closeQuietly(upstream);
    }

    /**
     * Second step of an abort, for an exchange whose thread is stuck writing to a browser that stopped
     * reading: the browser connection is closed too.
     */
    void abortHarder(long graceNanos) {
        if (abortReason != null && System.nanoTime() - abortedAt > graceNanos) {
            OriginLink.closeQuietly(browser);
        }
    }

    /** When the exchange last got a byte of its response (System.nanoTime), or started if none came yet. */
    long lastActivity() {
        Spool s = responseSpool;
        return s == null ? startedNanos : Math.max(startedNanos, s.touched());
    }

    String abortReason() {
        return abortReason;
    }

    Exchange snapshot(Exchange.Outcome outcome, String reason, Instant ended) {
        HttpHead r = response;
        int status = 0;
        Map<String, List<String>> headers = Map.of();
        String contentType = null;
        if (r != null) {
            try {
                status = Framing.status(r);
            } catch (java.io.IOException e) {
                status = 0;
            }
            headers = r.headerMap();
            contentType = r.first("Content-Type").orElse(null);
        }
        Spool s = responseSpool;
        return new Exchange(requestId, method, uri, requestHeaders, status, headers, ip, started, ended, outcome, reason,
                contentType, s == null ? 0 : s.payloadSize());
    }
}
