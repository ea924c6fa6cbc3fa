package org.exhibit.integrity.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.exhibit.integrity.digest.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server side of RFC 3161, checked with openssl's own client. */
class TsaServerTest {
    @TempDir
    Path dir;
    private TsaServer server;

    @BeforeEach
    void start() throws Exception {
        server = TsaServer.start(LocalTsa.open(dir.resolve("tsa")), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anOpensslQueryIsAnsweredAndVerifiesAgainstThatQuery() throws Exception {
        Path data = Files.writeString(dir.resolve("page.html"), "<html>evidence</html>");
        Openssl.ok(dir, "ts", "-query", "-data", data.toString(), "-sha256", "-cert", "-out", "q.tsq");
        Files.write(dir.resolve("r.tsr"), TimestamperRejectionTest.post(server.url(), Files.readAllBytes(dir.resolve("q.tsq"))));
        String out = Openssl.ok(dir, "ts", "-verify", "-queryfile", "q.tsq", "-in", "r.tsr",
                "-CAfile", server.tsa().rootPem().toString(), "-untrusted", server.tsa().chainPem().toString());
        assertThat(out).contains("Verification: OK");
    }

    @Test
    void aBodyThatIsNotATimeStampRequestGetsARejectionOpensslCanRead() throws Exception {
        TimeStampResponse response = answer("GET / HTTP/1.0\r\n\r\n".getBytes());
        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badDataFormat);
        Files.write(dir.resolve("rejected.tsr"), response.getEncoded());
        assertThat(Openssl.ok(dir, "ts", "-reply", "-in", "rejected.tsr", "-text"))
                .contains("Status: Rejected").contains("Status description: not an RFC 3161 TimeStampReq")
                .contains("Failure info: the data submitted has the wrong format");
    }

    @Test
    void aSha1RequestIsRejectedAsBadAlgorithm() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        TimeStampResponse response = answer(generator.generate(TSPAlgorithms.SHA1, new byte[20]).getEncoded());
        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.badAlg);
    }

    @Test
    void aRequestForAnotherPolicyIsRejected() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setReqPolicy(new ASN1ObjectIdentifier("1.2.3.4"));
        TimeStampResponse response = answer(generator.generate(TSPAlgorithms.SHA256, new byte[32]).getEncoded());
        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(PKIFailureInfo.unacceptedPolicy);
    }

    @Test
    void withoutCertReqTheTokenCarriesNoCertificates() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(false);
        byte[] digest = Sha256.ofBytes("x".getBytes()).bytes();
        TimeStampResponse response = answer(generator.generate(TSPAlgorithms.SHA256, digest).getEncoded());
        assertThat(response.getStatus()).isEqualTo(PKIStatus.GRANTED);
        assertThat(response.getTimeStampToken().getCertificates().getMatches(null)).isEmpty();
        assertThat(new TimestampVerifier().verify(response.getEncoded(), digest, null, TrustAnchors.none()).reason())
                .startsWith("token carries no TSA certificate");
    }

    @Test
    void onlyPostIsAnswered() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.url()).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    private TimeStampResponse answer(byte[] body) throws Exception {
        return new TimeStampResponse(TimestamperRejectionTest.post(server.url(), body));
    }
}
