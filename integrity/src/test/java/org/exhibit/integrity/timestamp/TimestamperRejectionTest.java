package org.exhibit.integrity.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every answer that does not prove the data existed at genTime is refused, with a reason a person can act on. */
class TimestamperRejectionTest {
    private static final byte[] DATA = Sha256.ofBytes("capture.json".getBytes()).bytes();
    private static final byte[] OTHER = Sha256.ofBytes("something else".getBytes()).bytes();

    @TempDir
    Path home;
    private TsaServer local;

    @BeforeEach
    void startLocalTsa() throws Exception {
        local = TsaServer.start(LocalTsa.open(home.resolve("tsa")), 0);
    }

    @AfterEach
    void stopLocalTsa() {
        local.close();
    }

    @Test
    void aHandBuiltTokenWithTheCriticalUsageIsAcceptedSoTheForgeriesBelowDifferOnlyInTheirFlaw() throws Exception {
        ForgedTsa forged = new ForgedTsa(ForgedTsa.Options.honest());
        try (LoopbackServer server = new LoopbackServer(forged::answer)) {
            StampedToken token = once(server, TrustAnchors.none().with(forged.root)).stamp(DATA);
            assertThat(token.trusted()).isTrue();
        }
    }

    @Test
    void aTsaClockFarFromOursIsRecordedAsOffsetAndWarned() throws Exception {
        ForgedTsa forged = new ForgedTsa(new ForgedTsa.Options(true, true, Duration.ofMinutes(-30), false));
        try (LoopbackServer server = new LoopbackServer(forged::answer)) {
            StampedToken token = once(server, TrustAnchors.none().with(forged.root)).stamp(DATA);
            assertThat(token.clockOffset()).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(31));
            assertThat(token.warnings()).singleElement().asString()
                    .startsWith("this computer's clock differs from test-tsa's by 18");
        }
    }

    @Test
    void aTsaCertificateWithANonCriticalTimeStampingUsageIsRefused() throws Exception {
        ForgedTsa forged = new ForgedTsa(new ForgedTsa.Options(false, true, Duration.ZERO, false));
        assertThat(refusal(forged::answer, TrustAnchors.none().with(forged.root))).contains(
                "TSA certificate CN=Forged Test TSA: expected a critical extended key usage of only "
                        + "id-kp-timeStamping (1.3.6.1.5.5.7.3.8), got non-critical [1.3.6.1.5.5.7.3.8]");
    }

    @Test
    void aTsaCertificateWithoutAnyExtendedKeyUsageIsRefused() throws Exception {
        ForgedTsa forged = new ForgedTsa(new ForgedTsa.Options(false, false, Duration.ZERO, false));
        assertThat(refusal(forged::answer, TrustAnchors.none().with(forged.root)))
                .contains("expected a critical extended key usage of only id-kp-timeStamping (1.3.6.1.5.5.7.3.8), got none");
    }

    @Test
    void aGenTimeOutsideTheTsaCertificatesValidityIsRefused() throws Exception {
        ForgedTsa forged = new ForgedTsa(new ForgedTsa.Options(true, true, Duration.ofDays(3), false));
        assertThat(refusal(forged::answer, TrustAnchors.none().with(forged.root)))
                .containsPattern("TSA certificate CN=Forged Test TSA is not valid at genTime \\S+: valid from");
    }

    @Test
    void aTokenSignedByAnotherKeyThanItsCertificateIsRefused() throws Exception {
        ForgedTsa forged = new ForgedTsa(new ForgedTsa.Options(true, true, Duration.ZERO, true));
        assertThat(refusal(forged::answer, TrustAnchors.none().with(forged.root)))
                .contains("token signature or its ESSCertID binding to TSA certificate CN=Forged Test TSA does not verify");
    }

    @Test
    void aTokenOverOtherDataIsRefusedNamingBothDigests() throws Exception {
        // A TSA that stamps something else under our nonce: everything holds except the imprint.
        String reason = refusal(query -> {
            TimeStampRequest asked = new TimeStampRequest(query);
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            return tsr(post(local.url(), generator.generate(TSPAlgorithms.SHA256, OTHER, asked.getNonce()).getEncoded()));
        }, TrustAnchors.none());
        assertThat(reason).contains("message imprint does not match the data: expected "
                + Sha256.of(DATA).hex() + ", got " + Sha256.of(OTHER).hex());
    }

    @Test
    void aReplayedResponseIsRefusedForItsNonce() throws Exception {
        AtomicReference<byte[]> first = new AtomicReference<>();
        try (LoopbackServer replaying = new LoopbackServer(query -> {
            first.compareAndSet(null, post(local.url(), query));
            return tsr(first.get());
        })) {
            Timestamper timestamper = once(replaying, TrustAnchors.none());
            StampedToken genuine = timestamper.stamp(DATA);
            TimestampException e = catchThrowableOfType(() -> timestamper.stamp(DATA), TimestampException.class);
            assertThat(e.getMessage()).containsPattern("nonce does not match the request: expected [0-9a-f]+, got "
                    + genuine.nonce().toString(16));
        }
    }

    @Test
    void randomBytesAreRefusedAsNotATimeStampResponse() throws Exception {
        byte[] garbage = new byte[300];
        new Random(7).nextBytes(garbage);
        assertThat(refusal(query -> tsr(garbage), TrustAnchors.none()))
                .contains("not an RFC 3161 time-stamp response (300 bytes starting");
    }

    @Test
    void anHtmlPageIsRefusedNamingItsContentType() throws Exception {
        byte[] html = "<html><body>Please log in to the Wi-Fi</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(query -> new LoopbackServer.Reply(200, "text/html; charset=utf-8", html), TrustAnchors.none()))
                .contains("expected application/timestamp-reply, got text/html; charset=utf-8 (" + html.length + " bytes)");
        assertThat(refusal(query -> tsr(html), TrustAnchors.none()))
                .contains("not an RFC 3161 time-stamp response (" + html.length + " bytes starting 3c68746d6c3e3c62)");
    }

    @Test
    void anHttp500IsRefusedNamingTheStatus() throws Exception {
        assertThat(refusal(query -> new LoopbackServer.Reply(500, "text/plain", "overloaded".getBytes()),
                TrustAnchors.none())).contains("expected HTTP 200, got HTTP 500 (text/plain, 10 bytes)");
    }

    @Test
    void aRejectionIsReportedWithItsStatusAndFailureInfo() throws Exception {
        // Our own TSA refuses SHA-1: the client reports the TSA's words.
        String reason = refusal(query -> {
            TimeStampRequest asked = new TimeStampRequest(query);
            byte[] sha1 = java.security.MessageDigest.getInstance("SHA-1").digest(DATA);
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            return tsr(post(local.url(), generator.generate(TSPAlgorithms.SHA1, sha1, asked.getNonce()).getEncoded()));
        }, TrustAnchors.none());
        assertThat(reason).contains("TSA refused: status rejection (badAlg)");
    }

    @Test
    void anUnreachableTsaFailsOverToTheNext() throws Exception {
        TsaEndpoint closed = new TsaEndpoint("closed", closedPort());
        Timestamper timestamper = new Timestamper(List.of(closed, local.endpoint()), TrustAnchors.none(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 0);
        StampedToken token = timestamper.stamp(DATA);
        assertThat(token.tsa().name()).isEqualTo("local");
    }

    @Test
    void whenEveryTsaFailsOneExceptionCountsTheAttemptsAndKeepsEachOne() throws Exception {
        TsaEndpoint closed = new TsaEndpoint("closed", closedPort());
        try (LoopbackServer failing = new LoopbackServer(q -> new LoopbackServer.Reply(500, "text/plain", new byte[0]))) {
            Timestamper timestamper = new Timestamper(List.of(closed, failing.endpoint("failing")), TrustAnchors.none(),
                    Duration.ofSeconds(2), Duration.ofSeconds(5), 1);
            TimestampException e = catchThrowableOfType(() -> timestamper.stamp(DATA), TimestampException.class);
            assertThat(e.getMessage()).startsWith("no valid timestamp after 4 attempts against closed ("
                    + closed.url() + "), failing (" + failing.url() + "); last: attempt 4, failing");
            assertThat(e.getSuppressed()).hasSize(4);
            assertThat(e.getSuppressed()[0].getMessage()).startsWith("attempt 1, closed").contains("cannot reach");
            assertThat(e.getSuppressed()[1].getMessage()).startsWith("attempt 2, failing").contains("HTTP 500");
            assertThat(e.getSuppressed()[2].getMessage()).startsWith("attempt 3, closed");
            assertThat(e.getSuppressed()[3].getMessage()).startsWith("attempt 4, failing");
            assertThat(failing.requests()).isEqualTo(2);
        }
    }

    @Test
    void aDigestOfTheWrongLengthIsRefusedBeforeAnyRequest() {
        Timestamper timestamper = new Timestamper(List.of(local.endpoint()), TrustAnchors.none());
        assertThatThrownBy(() -> timestamper.stamp(new byte[20]))
                .hasMessage("expected a 32-byte SHA-256 digest, got 20 bytes");
    }

    private String refusal(LoopbackServer.Handler handler, TrustAnchors anchors) throws Exception {
        try (LoopbackServer server = new LoopbackServer(handler)) {
            TimestampException e = catchThrowableOfType(() -> once(server, anchors).stamp(DATA), TimestampException.class);
            assertThat(e).as("the timestamper refused the answer").isNotNull();
            assertThat(e.getSuppressed()).hasSize(1);
            return e.getMessage();
        }
    }

    private static Timestamper once(LoopbackServer server, TrustAnchors anchors) {
        return new Timestamper(List.of(server.endpoint("test-tsa")), anchors, Duration.ofSeconds(5),
                Duration.ofSeconds(10), 0);
    }

    private static LoopbackServer.Reply tsr(byte[] body) {
        return LoopbackServer.Reply.tsr(body);
    }

    static byte[] post(URI url, byte[] query) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return response.body();
    }

    /** A loopback port nothing listens on. */
    static URI closedPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/tsa");
    }
}
