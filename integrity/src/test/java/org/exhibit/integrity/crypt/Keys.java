package org.exhibit.integrity.crypt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.exhibit.integrity.identity.OpenSslRun;

/** A recipient made by the real openssl: key (PEM), certificate (PEM) and both as PKCS#12. */
record Keys(Path key, Path cert, Path p12, X509Certificate certificate) {
    static final char[] P12_PASSWORD = "p12-secret".toCharArray();

    /** {@code kind}: "rsa" (RSA 2048) or "ec" (P-256). */
    static Keys make(Path dir, String name, String kind) throws Exception {
        Path key = dir.resolve(name + ".key");
        Path cert = dir.resolve(name + ".pem");
        Path p12 = dir.resolve(name + ".p12");
        List<String> alg = kind.equals("rsa") ? List.of("-newkey", "rsa:2048")
                : List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        String[] req = new java.util.ArrayList<String>() {{
            addAll(List.of("req", "-x509"));
            addAll(alg);
            addAll(List.of("-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-subj", "/CN=" + name,
                    "-days", "30"));
        }}.toArray(String[]::new);
        OpenSslRun made = OpenSslRun.in(dir, req);
        assertThat(made.exit()).as(made.output()).isZero();
        OpenSslRun exported = OpenSslRun.in(dir, "pkcs12", "-export", "-inkey", key.toString(), "-in",
                cert.toString(), "-out", p12.toString(), "-passout", "pass:" + new String(P12_PASSWORD));
        assertThat(exported.exit()).as(exported.output()).isZero();
        return new Keys(key, cert, p12, Recipients.readCertificates(List.of(cert)).get(0));
    }

    DecryptionKey decryptionKey() throws Exception {
        return DecryptionKey.fromPkcs12(p12, P12_PASSWORD);
    }
}
