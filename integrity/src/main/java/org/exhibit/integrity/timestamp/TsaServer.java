package org.exhibit.integrity.timestamp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * Exhibit's RFC 3161 server: answers {@code application/timestamp-query} POSTs on 127.0.0.1 with tokens signed by
 * a {@link LocalTsa} (ESSCertIDv2, certificates when certReq, the nonce echoed, increasing serials). Backs both
 * {@code exhibit tsa serve} and {@code --tsa local}.
 *
 * <pre>{@code
 * try (TsaServer server = TsaServer.start(LocalTsa.open(home.resolve("tsa")), 0)) {
 *     StampedToken token = new Timestamper(List.of(server.endpoint()),
 *             TrustAnchors.jdkDefaults().with(server.tsa().root())).stamp(digest);
 * }
 * }</pre>
 */
public final class TsaServer implements AutoCloseable {
    /** The policy of every token the local TSA issues: 2.25 + a UUID fixed for Exhibit. */
    public static final String POLICY = "2.25.263082638881945072330352029851182043742";
    /** The path requests are POSTed to. */
    public static final String PATH = "/tsr";
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final Set<ASN1ObjectIdentifier> ALGORITHMS =
            Set.of(TSPAlgorithms.SHA256, TSPAlgorithms.SHA384, TSPAlgorithms.SHA512);

    private final LocalTsa tsa;
    private final HttpServer http;
    private final ExecutorService executor;
    private final TimeStampResponseGenerator responses;
    private final AtomicLong lastSerial = new AtomicLong();
    private final Clock clock;

    private TsaServer(LocalTsa tsa, HttpServer http, ExecutorService executor, Clock clock)
            throws GeneralSecurityException {
        this.tsa = tsa;
        this.clock = clock;
        this.http = http;
        this.executor = executor;
        try {
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build(signatureAlgorithm(tsa), tsa.key(), tsa.certificate()),
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(POLICY));
            tokens.addCertificates(new JcaCertStore(tsa.chain()));
            tokens.setResolution(TimeStampTokenGenerator.R_MILLISECONDS);
            tokens.setAccuracySeconds(1);
            this.responses = new TimeStampResponseGenerator(tokens, ALGORITHMS, Set.of(new ASN1ObjectIdentifier(POLICY)));
        } catch (OperatorCreationException | TSPException e) {
            throw new GeneralSecurityException("cannot set up the TSA signer: " + e.getMessage(), e);
        }
    }

    /** Starts serving on 127.0.0.1:{@code port} (0 for any free port). */
    public static TsaServer start(LocalTsa tsa, int port) throws IOException {
        return start(tsa, port, Clock.systemUTC());
    }

    /**
     * Starts serving with the genTimes of a given clock: for tests of what a TSA whose clock is wrong, or set on
     * purpose, does to the evidence (a verifier must not take a TSA's time on trust beyond its certificate).
     */
    public static TsaServer start(LocalTsa tsa, int port, Clock clock) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "exhibit-tsa");
            t.setDaemon(true);
            return t;
        });
        TsaServer server;
        try {
            server = new TsaServer(tsa, http, executor, clock);
        } catch (GeneralSecurityException e) {
            http.stop(0);
            executor.shutdownNow();
            throw new IOException(e.getMessage(), e);
        }
        http.createContext(PATH, server::handle);
        http.setExecutor(executor);
        http.start();
        return server;
    }

    /** Where to POST, e.g. {@code http://127.0.0.1:41234/tsr}. */
    public URI url() {
        InetSocketAddress address = http.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + PATH);
    }

    /** This server as the TSA named "local". */
    public TsaEndpoint endpoint() {
        return TsaEndpoint.local(url());
    }

    public LocalTsa tsa() {
        return tsa;
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            byte[] answer = answer(body).getEncoded();
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private TimeStampResponse answer(byte[] body) throws IOException {
        try {
            if (body.length > MAX_REQUEST_BYTES) {
                return reject(PKIFailureInfo.badRequest, "request larger than " + MAX_REQUEST_BYTES + " bytes");
            }
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(body);
            } catch (IOException | RuntimeException e) {
                return reject(PKIFailureInfo.badDataFormat, "not an RFC 3161 TimeStampReq");
            }
            // The generator answers a request it cannot accept (algorithm, policy) with a rejection itself.
            // Its signer holds one java.security.Signature, which is not thread-safe.
            synchronized (responses) {
                return responses.generate(request, nextSerial(), Date.from(clock.instant()));
            }
        } catch (TSPException e) {
            return reject(PKIFailureInfo.systemFailure, "cannot sign: " + e.getMessage());
        }
    }

    private TimeStampResponse reject(int failInfo, String why) throws IOException {
        try {
            return responses.generateFailResponse(PKIStatus.REJECTION, failInfo, why);
        } catch (TSPException e) {
            throw new IOException(e);
        }
    }

    /** Microseconds since the epoch, and always above the last one: increasing across restarts too. */
    private BigInteger nextSerial() {
        long now = System.currentTimeMillis() * 1000;
        return BigInteger.valueOf(lastSerial.updateAndGet(last -> Math.max(last + 1, now)));
    }

    /**
     * SHA-256 with the TSA key's own algorithm: ECDSA for the P-256 key a new local TSA makes, RSA for an RSA key
     * put in its key store (as the public TSAs sign).
     */
    private static String signatureAlgorithm(LocalTsa tsa) throws GeneralSecurityException {
        return switch (tsa.key().getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new GeneralSecurityException("the local TSA's key is " + tsa.key().getAlgorithm()
                    + ": expected an EC or RSA key in " + LocalTsa.KEYSTORE);
        };
    }
}
