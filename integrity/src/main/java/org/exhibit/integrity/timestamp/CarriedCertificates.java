package org.exhibit.integrity.timestamp;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.bc.BcECSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.exhibit.integrity.digest.Sha256;

/**
 * The certificates a token carries, worked out once per distinct set of certificates rather than once per token
 * (a bundle's thousand tokens from one TSA carry the same two): parsed, the signer's chain as carried, reusable
 * signature verifiers for the signer's key, and whether that chain reaches a trust anchor at a given time. Each token's
 * own signature is still verified, with its own bytes. Keys are the exact DER of every carried certificate, so a
 * token carrying any other certificate (a changed byte, another intermediate) is worked out afresh.
 */
final class CarriedCertificates {
    private static final int MAX_CACHED = 256;
    private static final Map<Sha256, CarriedCertificates> CACHE = new ConcurrentHashMap<>();

    private final List<X509CertificateHolder> holders;
    private final List<X509Certificate> certs;
    private final Map<Integer, Signer> signers = new ConcurrentHashMap<>();

    /** The signer's certificate, its chain as carried, and the verifiers reused for every token it signed. */
    static final class Signer {
        /** Tokens checked through the JDK before Bouncy Castle's own EC code is worth loading for this signer. */
        static final int JDK_FIRST = 16;

        private final X509Certificate cert;
        private final X509CertificateHolder holder;
        private final List<X509Certificate> chain;
        private final Map<ChainKey, Optional<String>> chainProblems = new ConcurrentHashMap<>();
        private final AtomicInteger uses = new AtomicInteger();
        private volatile SignerInformationVerifier jdk;
        private volatile SignerInformationVerifier bc;

        private Signer(X509Certificate cert, X509CertificateHolder holder, List<X509Certificate> chain) {
            this.cert = cert;
            this.holder = holder;
            this.chain = chain;
        }

        X509Certificate cert() {
            return cert;
        }

        List<X509Certificate> chain() {
            return chain;
        }

        /**
         * The verifier for the next token: the JDK's providers (already loaded for the bundle's own signature) for
         * the first few; then, for an EC key, Bouncy Castle's ECDSA (about five times cheaper than the JDK's P-256
         * in a fresh process, its precomputed multiples of the key kept with the reused key); the JDK's for any
         * other key.
         */
        SignerInformationVerifier verifier() throws TimestampException {
            try {
                if (uses.incrementAndGet() > JDK_FIRST && X9ObjectIdentifiers.id_ecPublicKey.equals(
                        holder.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm())) {
                    if (bc == null) {
                        bc = new BcECSignerInfoVerifierBuilder(new DefaultCMSSignatureAlgorithmNameGenerator(),
                                new DefaultSignatureAlgorithmIdentifierFinder(),
                                new DefaultDigestAlgorithmIdentifierFinder(), new BcDigestCalculatorProvider())
                                .build(holder);
                    }
                    return bc;
                }
                if (jdk == null) {
                    jdk = jdkVerifier(cert);
                }
                return jdk;
            } catch (OperatorCreationException e) {
                throw new TimestampException("TSA certificate " + cert.getSubjectX500Principal().getName()
                        + ": cannot use its key to check a signature: " + e.getMessage(), e);
            }
        }
    }

    /**
     * What a PKIX path build depends on besides the certificates: the anchors and, for the time, only which carried
     * certificates are within their validity then (revocation is not checked; the trust anchors' own validity is
     * not part of PKIX validation). Two times where each carried certificate is valid alike build alike.
     */
    record ChainKey(TrustAnchors anchors, String validity) {
    }

    private CarriedCertificates(List<X509CertificateHolder> holders, List<X509Certificate> certs) {
        this.holders = holders;
        this.certs = certs;
    }

    /** The token's certificates, parsed once for every token carrying exactly these. */
    static CarriedCertificates of(Collection<X509CertificateHolder> carried) throws TimestampException {
        List<X509CertificateHolder> holders = List.copyOf(carried);
        Sha256 key;
        try {
            var md = Sha256.newDigest();
            for (X509CertificateHolder h : holders) {
                byte[] der = h.getEncoded();
                md.update(new byte[] {(byte) (der.length >>> 24), (byte) (der.length >>> 16), (byte) (der.length >>> 8),
                        (byte) der.length});
                md.update(der);
            }
            key = Sha256.of(md.digest());
        } catch (IOException e) {
            throw new TimestampException("token carries an unreadable certificate: " + e.getMessage(), e);
        }
        CarriedCertificates known = CACHE.get(key);
        if (known != null) {
            return known;
        }
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certs = new ArrayList<>();
        try {
            for (X509CertificateHolder holder : holders) {
                certs.add(converter.getCertificate(holder));
            }
        } catch (CertificateException e) {
            throw new TimestampException("token carries an unreadable certificate: " + e.getMessage(), e);
        }
        CarriedCertificates fresh = new CarriedCertificates(holders, List.copyOf(certs));
        if (CACHE.size() >= MAX_CACHED) {
            CACHE.clear(); // a long-running process meeting many TSAs: start over rather than grow
        }
        CACHE.put(key, fresh);
        return fresh;
    }

    List<X509Certificate> certificates() {
        return certs;
    }

    /** The certificate {@code sid} names, with its carried chain and verifier. */
    Signer signer(SignerId sid) throws TimestampException {
        for (int i = 0; i < holders.size(); i++) {
            if (sid.match(holders.get(i))) {
                X509Certificate cert = certs.get(i);
                X509CertificateHolder holder = holders.get(i);
                return signers.computeIfAbsent(i, k -> new Signer(cert, holder, TokenValidation.chain(cert, certs)));
            }
        }
        throw new TimestampException("token carries no TSA certificate (expected the signer's certificate, got "
                + certs.size() + " others): request it with certReq");
    }

    /** A verifier through the JDK's providers, for a second opinion on a signature the first one refused. */
    static SignerInformationVerifier jdkVerifier(X509Certificate cert) throws OperatorCreationException {
        return new JcaSimpleSignerInfoVerifierBuilder().build(cert);
    }

    /** Null when the signer chains to an anchor at {@code at}, else why not; one path build per distinct case. */
    String chainProblem(Signer signer, Instant at, TrustAnchors anchors) {
        if (anchors.contains(signer.cert())) {
            return null;
        }
        if (anchors.isEmpty()) {
            return "no trust anchors given";
        }
        Date date = Date.from(at);
        StringBuilder validity = new StringBuilder();
        for (X509Certificate c : certs) {
            validity.append(date.before(c.getNotBefore()) ? '<' : date.after(c.getNotAfter()) ? '>' : '=');
        }
        if (signer.chainProblems.size() >= MAX_CACHED) {
            signer.chainProblems.clear();
        }
        return signer.chainProblems.computeIfAbsent(new ChainKey(anchors, validity.toString()),
                k -> Optional.ofNullable(buildPath(signer.cert(), date, anchors))).orElse(null);
    }

    private String buildPath(X509Certificate signer, Date date, TrustAnchors anchors) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors.pkix(), target);
            params.setRevocationEnabled(false);
            params.setDate(date);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(certs)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return null;
        } catch (GeneralSecurityException e) {
            return e.getMessage();
        }
    }
}
