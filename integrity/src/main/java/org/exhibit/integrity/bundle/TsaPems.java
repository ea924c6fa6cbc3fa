package org.exhibit.integrity.bundle;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.tsp.TimeStampResponse;
import org.exhibit.format.json.Json;
import org.exhibit.format.layout.BundleLayout;

/**
 * {@code custody/tsa/<tsa>.pem} for every TSA whose token the bundle holds: the chain the workspace kept as first
 * received, plus any certificate a token carries that it lacks (the workspace's copy is completed too).
 */
final class TsaPems {
    private final Path tsaDir;
    private final Map<String, String> pems = new TreeMap<>();

    TsaPems(Path tsaDir) {
        this.tsaDir = tsaDir;
    }

    /** Adds the certificates of a token in {@code <...>.<tsa>.tsr}. */
    void addToken(String tsa, byte[] der) throws IOException, SealException {
        String pem = current(tsa);
        StringBuilder added = new StringBuilder();
        try {
            var token = new TimeStampResponse(der).getTimeStampToken();
            for (X509CertificateHolder cert : token.getCertificates().getMatches(null)) {
                String block = pem(cert);
                if (!pem.contains(block) && added.indexOf(block) < 0) {
                    added.append(block);
                }
            }
        } catch (Exception e) {
            throw new SealException(tsa + ": cannot read the certificates of its token: " + e.getMessage(), e);
        }
        pems.put(tsa, pem + added);
    }

    private String current(String tsa) throws IOException {
        String pem = pems.get(tsa);
        if (pem == null) {
            Path file = tsaDir.resolve(tsa + ".pem");
            pem = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.US_ASCII) : "";
        }
        return pem;
    }

    /** Bundle path to content, for each TSA used; also writes completed chains back to the workspace. */
    Map<String, byte[]> entries() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, String> e : pems.entrySet()) {
            byte[] content = e.getValue().getBytes(StandardCharsets.US_ASCII);
            Path file = tsaDir.resolve(e.getKey() + ".pem");
            if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.US_ASCII).equals(e.getValue())) {
                Json.writeAtomically(file, content);
            }
            out.put(BundleLayout.tsaChain(e.getKey()), content);
        }
        return out;
    }

    /** Whether each TSA's chain holds a self-signed certificate that openssl can take as its -CAfile. */
    Map<String, Boolean> endsInRoot() throws IOException {
        Map<String, Boolean> out = new TreeMap<>();
        for (Map.Entry<String, String> e : pems.entrySet()) {
            boolean root = false;
            for (X509Certificate c : Certificates.parse(e.getKey() + ".pem",
                    e.getValue().getBytes(StandardCharsets.US_ASCII))) {
                root |= selfSigned(c);
            }
            out.put(e.getKey(), root);
        }
        return out;
    }

    private static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String pem(X509CertificateHolder cert) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(cert);
        }
        return out.toString();
    }
}
