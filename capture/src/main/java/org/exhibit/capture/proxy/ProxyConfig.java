package org.exhibit.capture.proxy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RecordingProxy} listens, where it writes and how long it waits.
 *
 * <pre>{@code
 * ProxyConfig config = ProxyConfig.of(dir.resolve("data.warc.gz")).withReadTimeout(Duration.ofSeconds(20));
 * }</pre>
 *
 * @param bindHost        address the proxy listens on (a loopback address)
 * @param warc            the {@code .warc.gz} file written (created; must not exist)
 * @param connectTimeout  bound on resolving and connecting (and the TLS handshake) to an origin
 * @param readTimeout     bound on silence from the origin while an exchange is open
 * @param exchangeTimeout bound on one whole exchange, from its request line to its last byte
 * @param clientIdleTimeout how long a kept-alive browser connection may stay idle between requests
 * @param maxRecordedBody bytes of one body kept in the WARC; the rest is forwarded but not recorded
 * @param stallTimeout    bound on silence from the origin once its answer has begun (a body that stopped coming):
 *                        the exchange is then ended and recorded truncated with what came, so that a stalled
 *                        response does not hold the page's load (a server still thinking before it answers has
 *                        {@code readTimeout}); at most {@code readTimeout}
 * @param loopbackOnly    refuse (403, exchange failed) every origin that is not a loopback address or
 *                        {@code localhost}, without resolving it: for tests and the offline demo, where the
 *                        browser's own background requests must not leave the machine
 */
public record ProxyConfig(String bindHost, Path warc, Duration connectTimeout, Duration readTimeout,
                          Duration exchangeTimeout, Duration clientIdleTimeout, long maxRecordedBody, boolean loopbackOnly,
                          Duration stallTimeout) {

    public ProxyConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(warc, "warc");
        positive("connectTimeout", connectTimeout);
        positive("readTimeout", readTimeout);
        positive("exchangeTimeout", exchangeTimeout);
        positive("clientIdleTimeout", clientIdleTimeout);
        positive("stallTimeout", stallTimeout);
        stallTimeout = stallTimeout.compareTo(readTimeout) > 0 ? readTimeout : stallTimeout;
        if (maxRecordedBody < 0) {
            throw new IllegalArgumentException("expected maxRecordedBody >= 0, got " + maxRecordedBody);
        }
    }

    /**
     * Loopback, 10 s to connect, 30 s of silence before an answer and 10 s within one, 60 s per exchange, 60 s
     * idle, 512 MiB per body.
     */
    public static ProxyConfig of(Path warc) {
        return new ProxyConfig("127.0.0.1", warc, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(60), 512L << 20, false, Duration.ofSeconds(10));
    }

    /** As the canonical constructor, with a stall timeout of 10 s (or {@code readTimeout} if shorter). */
    public ProxyConfig(String bindHost, Path warc, Duration connectTimeout, Duration readTimeout,
                       Duration exchangeTimeout, Duration clientIdleTimeout, long maxRecordedBody, boolean loopbackOnly) {
        this(bindHost, warc, connectTimeout, readTimeout, exchangeTimeout, clientIdleTimeout, maxRecordedBody,
                loopbackOnly, Duration.ofSeconds(10));
    }

    public ProxyConfig withConnectTimeout(Duration d) {
        return new ProxyConfig(bindHost, warc, d, readTimeout, exchangeTimeout, clientIdleTimeout, maxRecordedBody, loopbackOnly, stallTimeout);
    }

    public ProxyConfig withReadTimeout(Duration d) {
        return new ProxyConfig(bindHost, warc, connectTimeout, d, exchangeTimeout, clientIdleTimeout, maxRecordedBody, loopbackOnly, stallTimeout);
    }

    public ProxyConfig withExchangeTimeout(Duration d) {
        return new ProxyConfig(bindHost, warc, connectTimeout, readTimeout, d, clientIdleTimeout, maxRecordedBody, loopbackOnly, stallTimeout);
    }

    public ProxyConfig withClientIdleTimeout(Duration d) {
        return new ProxyConfig(bindHost, warc, connectTimeout, readTimeout, exchangeTimeout, d, maxRecordedBody, loopbackOnly, stallTimeout);
    }

    public ProxyConfig withMaxRecordedBody(long bytes) {
        return new ProxyConfig(bindHost, warc, connectTimeout, readTimeout, exchangeTimeout, clientIdleTimeout, bytes, loopbackOnly, stallTimeout);
    }

    public ProxyConfig withLoopbackOnly(boolean only) {
        return new ProxyConfig(bindHost, warc, connectTimeout, readTimeout, exchangeTimeout, clientIdleTimeout, maxRecordedBody, only, stallTimeout);
    }

    public ProxyConfig withStallTimeout(Duration d) {
        return new ProxyConfig(bindHost, warc, connectTimeout, readTimeout, exchangeTimeout, clientIdleTimeout, maxRecordedBody, loopbackOnly, d);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("expected a positive " + name + ", got " + d);
        }
    }
}
