package org.exhibit.integrity.timestamp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An independent TSA: a CA and a TSA certificate (critical timeStamping usage) made with openssl, and a loopback
 * HTTP server answering each query by running {@code openssl ts -reply}.
 */
final class OpensslTsa implements AutoCloseable {
    static final String POLICY = "1.3.6.1.4.1.55555.1.1";
    private final Path dir;
    private final LoopbackServer server;
    private final AtomicInteger queries = new AtomicInteger();

    OpensslTsa(Path dir) throws IOException, InterruptedException {
        this.dir = Files.createDirectories(dir);
        Files.writeString(dir.resolve("ext.cnf"), """
                [tsa]
                basicConstraints = critical, CA:FALSE
                keyUsage = critical, digitalSignature, nonRepudiation
                extendedKeyUsage = critical, timeStamping
                subjectKeyIdentifier = hash
                authorityKeyIdentifier = keyid
                """);
        Files.writeString(dir.resolve("ts.cnf"), """
                [ tsa ]
                default_tsa = tsa_config1
                [ tsa_config1 ]
                dir = .
                serial = ./tsaserial
                crypto_device = builtin
                signer_cert = ./tsa.pem
                certs = ./ca.pem
                signer_key = ./tsa.key
                signer_digest = sha256
                default_policy = %s
                digests = sha256, sha384, sha512
                accuracy = secs:1
                ordering = no
                tsa_name = yes
                ess_cert_id_chain = no
                ess_cert_id_alg = sha256
                """.formatted(POLICY));
        Files.writeString(dir.resolve("tsaserial"), "01\n");
        Openssl.ok(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/O=Independent Test/CN=Independent Test Root",
                "-days", "2", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Openssl.ok(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/O=Independent Test/CN=Independent Test TSA");
        Openssl.ok(dir, "x509", "-req", "-in", "tsa.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "tsa.pem", "-days", "1", "-extfile", "ext.cnf", "-extensions", "tsa");
        server = new LoopbackServer(this::reply);
    }

    private LoopbackServer.Reply reply(byte[] query) throws IOException, InterruptedException {
        int n = queries.incrementAndGet();
        Path tsq = Files.write(dir.resolve("q" + n + ".tsq"), query);
        Openssl.ok(dir, "ts", "-reply", "-config", "ts.cnf", "-queryfile", tsq.getFileName().toString(),
                "-out", "r" + n + ".tsr");
        return LoopbackServer.Reply.tsr(Files.readAllBytes(dir.resolve("r" + n + ".tsr")));
    }

    Path caPem() {
        return dir.resolve("ca.pem");
    }

    /** openssl's serial file: the last serial issued. */
    Path serialFile() {
        return dir.resolve("tsaserial");
    }

    Path tsaPem() {
        return dir.resolve("tsa.pem");
    }

    TsaEndpoint endpoint() {
        return server.endpoint("openssl-tsa");
    }

    @Override
    public void close() {
        server.close();
    }
}
