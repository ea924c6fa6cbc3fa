package org.exhibit.integrity.timestamp;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * Obtains RFC 3161 timestamps: builds the request (SHA-256 imprint, random 64-bit nonce, certReq), POSTs it,
 * validates the answer against the request and the trust anchors, and owns retries and fail-over across TSAs
 * ({@link #stamp}: the first valid answer wins) or asks every TSA at once ({@link #stampEach}: a token from each).
 * One instance may be shared by threads.
 *
 * <pre>{@code
 * Timestamper timestamper = new Timestamper(TsaEndpoint.defaults(), TrustAnchors.jdkDefaults());
 * try {
 *     StampedToken token = timestamper.stamp(Sha256.of(record).bytes());
 *     Files.write(Path.of(record + "." + token.tsa().name() + ".tsr"), token.response());
 * } catch (TimestampException e) {
 *     // no TSA answered: the stamp stays pending; e.getSuppressed() holds every attempt
 * }
 * }</pre>
 */
public final class Timestamper {
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_RETRIES = 1;
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);
    private static final Duration BACKOFF = Duration.ofMillis(500);
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final List<TsaEndpoint> tsas;
    private final TrustAnchors anchors;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int retries;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    /** With 5 s to connect, 30 s to answer and one more round over every TSA after the first. */
    public Timestamper(List<TsaEndpoint> tsas, TrustAnchors anchors) {
        this(tsas, anchors, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_RETRIES);
    }

    /**
     * @param tsas           asked in order; the first valid answer wins
     * @param anchors        where TSA chains may end (an untrusted chain is a warning on the token)
     * @param connectTimeout to open the connection
     * @param readTimeout    for the whole answer once the request is sent
     * @param retries        further rounds over every TSA after the first, with a short, growing pause
     */
    public Timestamper(List<TsaEndpoint> tsas, TrustAnchors anchors, Duration connectTimeout, Duration readTimeout,
                       int retries) {
        if (tsas.isEmpty()) {
            throw new IllegalArgumentException("expected at least one TSA, got none");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("expected retries >= 0, got " + retries);
        }
        this.tsas = List.copyOf(tsas);
        this.anchors = anchors;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.retries = retries;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public List<TsaEndpoint> tsas() {
        return tsas;
    }

    /**
     * Stamps a SHA-256 digest. Tries every TSA in order, then again after a pause, {@code retries} more times.
     *
     * @throws TimestampException when no TSA gave a valid token; every failed attempt is suppressed in it
     */
    public StampedToken stamp(byte[] sha256) throws TimestampException {
        return stamp(tsas, sha256);
    }

    /**
     * Stamps a digest of another algorithm (SHA-512 for an RFC 4998 hash-tree renewal), the first TSA to answer
     * winning, with the same checks and retries as {@link #stamp(byte[])}.
     */
    public StampedToken stamp(ASN1ObjectIdentifier algorithm, byte[] digest) throws TimestampException {
        return stamp(tsas, algorithm, digest);
    }

    /**
     * Stamps a SHA-256 digest with <em>each</em> TSA, all at once, each with its own retries; waits at most as long
     * as one TSA's attempts may take ({@link #bound()}), so one slow TSA delays the others by nothing.
     *
     * @return a token from every TSA that answered, and why each of the others did not; in TSA order
     */
    public EachStamp stampEach(byte[] sha256) {
        return stampEach(tsas, sha256);
    }

    /** {@link #stampEach(byte[])} with only the TSAs named (the ones whose tokens a record still lacks). */
    public EachStamp stampEach(Collection<String> names, byte[] sha256) {
        List<TsaEndpoint> only = tsas.stream().filter(t -> names.contains(t.name())).toList();
        return stampEach(only, sha256);
    }

    /** The names of the TSAs, in order. */
    public List<String> names() {
        return tsas.stream().map(TsaEndpoint::name).toList();
    }

    /** How long {@link #stampEach} waits at most: every attempt at one TSA with its pauses, plus a margin. */
    public Duration bound() {
        Duration attempt = connectTimeout.plus(readTimeout);
        Duration pauses = BACKOFF.multipliedBy((long) retries * (retries + 1) / 2);
        return attempt.multipliedBy(retries + 1L).plus(pauses).plusSeconds(1);
    }

    private EachStamp stampEach(List<TsaEndpoint> asked, byte[] sha256) {
        checkDigest(sha256);
        if (asked.isEmpty()) {
            return new EachStamp(List.of(), Map.of());
        }
        ExecutorService pool = Executors.newFixedThreadPool(asked.size(), r -> {
            Thread t = new Thread(r, "exhibit-tsa-client");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<StampedToken>> futures = new ArrayList<>();
            for (TsaEndpoint tsa : asked) {
                futures.add(pool.submit(() -> stamp(List.of(tsa), sha256)));
            }
            long deadline = System.nanoTime() + bound().toNanos();
            List<StampedToken> tokens = new ArrayList<>();
            Map<String, TimestampException> failed = new LinkedHashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                TsaEndpoint tsa = asked.get(i);
                try {
                    long left = Math.max(0, deadline - System.nanoTime());
                    tokens.add(futures.get(i).get(left, TimeUnit.NANOSECONDS));
                } catch (ExecutionException e) {
                    failed.put(tsa.name(), e.getCause() instanceof TimestampException t ? t
                            : new TimestampException(tsa + ": " + e.getCause(), e.getCause()));
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    failed.put(tsa.name(), new TimestampException(tsa + ": no answer within " + bound().toSeconds()
                            + " s"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.put(tsa.name(), new TimestampException(tsa + ": interrupted"));
                }
            }
            return new EachStamp(tokens, failed);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkDigest(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("expected a 32-byte SHA-256 digest, got " + sha256.length + " bytes");
        }
    }

    private StampedToken stamp(List<TsaEndpoint> tsas, byte[] sha256) throws TimestampException {
        checkDigest(sha256);
        return stamp(tsas, TSPAlgorithms.SHA256, sha256);
    }

    private StampedToken stamp(List<TsaEndpoint> tsas, ASN1ObjectIdentifier algorithm, byte[] sha256)
            throws TimestampException {
        List<TimestampException> failures = new ArrayList<>();
        Set<String> asked = new LinkedHashSet<>();
        for (int round = 0; round <= retries; round++) {
            if (round > 0) {
                pause(BACKOFF.multipliedBy(round), failures, asked);
            }
            for (TsaEndpoint tsa : tsas) {
                asked.add(tsa.toString());
                try {
                    return attempt(tsa, algorithm, sha256);
                } catch (TimestampException e) {
                    failures.add(new TimestampException("attempt " + (failures.size() + 1) + ", " + tsa + ": "
                            + e.getMessage(), e.getCause()));
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw giveUp(failures, asked, "interrupted; ");
                }
            }
        }
        throw giveUp(failures, asked, "");
    }

    private StampedToken attempt(TsaEndpoint tsa, ASN1ObjectIdentifier algorithm, byte[] sha256)
            throws TimestampException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        BigInteger nonce = new BigInteger(64, random);
        TimeStampRequest request = generator.generate(algorithm, sha256, nonce);
        byte[] body = post(tsa, request);
        Instant received = Instant.now();
        TimeStampResponse response = TokenValidation.parse(body);
        TokenValidation.Result r = TokenValidation.validate(TokenValidation.granted(response), algorithm, sha256, nonce, anchors, null);
        try {
            response.validate(request);
        } catch (TSPException e) {
            throw new TimestampException("response does not answer the request: " + e.getMessage(), e);
        }
        Duration offset = Duration.between(r.genTime(), received);
        List<String> warnings = new ArrayList<>(r.warnings());
        if (offset.abs().compareTo(CLOCK_TOLERANCE) > 0) {
            warnings.add("this computer's clock differs from " + tsa.name() + "'s by " + offset.toSeconds()
                    + " s (local minus genTime); the TSA's time is the one that counts");
        }
        return new StampedToken(tsa, body, r.genTime(), r.policy(), r.serial(), nonce, offset, r.chain(),
                r.trusted(), warnings);
    }

    private byte[] post(TsaEndpoint tsa, TimeStampRequest request) throws TimestampException {
        byte[] query;
        try {
            query = request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a time-stamp request", e);
        }
        HttpRequest post = HttpRequest.newBuilder(tsa.url()).timeout(readTimeout)
                .header("Content-Type", "application/timestamp-query")
                .header("Accept", "application/timestamp-reply")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build();
        try {
            HttpResponse<InputStream> response = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
                String type = response.headers().firstValue("Content-Type").orElse("no content type");
                if (response.statusCode() != 200) {
                    throw new TimestampException("expected HTTP 200, got HTTP " + response.statusCode()
                            + " (" + type + ", " + body.length + " bytes)");
                }
                if (body.length > MAX_RESPONSE_BYTES) {
                    throw new TimestampException("expected a response under " + MAX_RESPONSE_BYTES
                            + " bytes, got more (" + type + ")");
                }
                if (type.toLowerCase(Locale.ROOT).startsWith("text/")) {
                    throw new TimestampException("expected application/timestamp-reply, got " + type
                            + " (" + body.length + " bytes)");
                }
                return body;
            }
        } catch (IOException e) {
            throw new TimestampException("cannot reach " + tsa.url() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimestampException("interrupted while waiting for " + tsa.url(), e);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " " + m);
    }

    private static void pause(Duration d, List<TimestampException> failures, Set<String> asked)
            throws TimestampException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw giveUp(failures, asked, "interrupted; ");
        }
    }

    private static TimestampException giveUp(List<TimestampException> failures, Set<String> asked, String prefix) {
        String last = failures.isEmpty() ? "" : "; last: " + failures.get(failures.size() - 1).getMessage();
        TimestampException e = new TimestampException(prefix + "no valid timestamp after " + failures.size()
                + (failures.size() == 1 ? " attempt" : " attempts") + " against " + String.join(", ", asked) + last);
        failures.forEach(e::addSuppressed);
        return e;
    }
}
