package org.exhibit.report;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.format.layout.BundleLayout;
import org.exhibit.integrity.bundle.Check;
import org.exhibit.integrity.bundle.Verification;
import org.exhibit.integrity.digest.Sha256;
import org.exhibit.report.source.CaseFiles;
import org.exhibit.report.source.Nodes;

/**
 * Who vouches for a bundle: the investigator who signed it and each TSA that stamped it, with certificate
 * fingerprints (read from the bundle's PEM files) and whether the verifier found them chained to a trust anchor.
 */
final class Signers {
    private Signers() {
    }

    /**
     * @param role        "Investigator (signer)" or "Time-stamping authority local-…"
     * @param subject     the certificate's subject
     * @param fingerprint SHA-256 of the certificate
     * @param validity    "2026-01-01 … to 2036-01-01 …"
     * @param trust       what the verifier concluded about its trust
     */
    record Signer(String role, String subject, String fingerprint, String validity, String trust) {
    }

    static List<Signer> read(CaseFiles files, Verification v) {
        List<Signer> out = new ArrayList<>();
        certificate(files, BundleLayout.INVESTIGATOR).ifPresent(c -> out.add(signer("Investigator (signer)", c,
                trust(v, ch -> ch.name().equals("signature")))));
        try {
            for (String pem : files.files(BundleLayout.TSA_DIR.substring(0, BundleLayout.TSA_DIR.length() - 1))) {
                if (pem.endsWith(".pem")) {
                    String tsa = pem.substring(0, pem.length() - 4);
                    certificate(files, BundleLayout.TSA_DIR + pem).ifPresent(c -> out.add(signer(
                            "Time-stamping authority " + tsa, c,
                            trust(v, ch -> ch.name().equals("timestamp") && ch.file().endsWith("." + tsa + ".tsr")))));
                }
            }
        } catch (java.io.IOException e) {
            // a bundle whose TSA folder cannot be listed: the checks above say why
        }
        return out;
    }

    private static Signer signer(String role, X509Certificate c, String trust) {
        try {
            return new Signer(role, c.getSubjectX500Principal().getName(), Sha256.ofBytes(c.getEncoded()).hex(),
                    Nodes.utc(c.getNotBefore().toInstant()) + " to " + Nodes.utc(c.getNotAfter().toInstant()), trust);
        } catch (GeneralSecurityException e) {
            return new Signer(role, c.getSubjectX500Principal().getName(), "(unreadable)", "", trust);
        }
    }

    private static String trust(Verification v, java.util.function.Predicate<Check> about) {
        List<Check> checks = v.checks().stream().filter(about).toList();
        if (checks.isEmpty()) {
            return "not checked (the verification stopped earlier)";
        }
        if (checks.stream().anyMatch(c -> c.status() == Check.Status.FAIL)) {
            return "FAILED: " + checks.stream().filter(c -> c.status() == Check.Status.FAIL).findFirst().get().message();
        }
        List<Check> warnings = checks.stream().filter(c -> c.status() == Check.Status.WARN).toList();
        for (Check w : warnings) {
            if (Warnings.untrusted(w)) {
                return "valid, but does not chain to a trust anchor you configured: " + w.message();
            }
        }
        return "valid and chains to a trust anchor" + (warnings.isEmpty() ? "" : "; note: " + warnings.get(0).message());
    }

    private static java.util.Optional<X509Certificate> certificate(CaseFiles files, String path) {
        try {
            if (!files.exists(path)) {
                return java.util.Optional.empty();
            }
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(files.readSmall(path, 1 << 20))).stream()
                    .map(X509Certificate.class::cast).findFirst();
        } catch (java.io.IOException | GeneralSecurityException e) {
            return java.util.Optional.empty();
        }
    }
}
