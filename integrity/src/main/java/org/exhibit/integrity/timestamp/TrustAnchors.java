package org.exhibit.integrity.timestamp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates a timestamp's chain may end in.
 *
 * <pre>{@code
 * TrustAnchors anchors = TrustAnchors.jdkDefaults()
 *         .with(TrustAnchors.fromPem(Path.of("office-tsa-root.pem")))   // --trust
 *         .with(localTsa.root());                                       // the local TSA, when asked
 * }</pre>
 */
public final class TrustAnchors {
    private static final TrustAnchors EMPTY = new TrustAnchors(List.of());
    private final List<X509Certificate> certificates;

    private TrustAnchors(Collection<X509Certificate> certificates) {
        this.certificates = List.copyOf(new LinkedHashSet<>(certificates));
    }

    /** No anchors at all: every chain is reported as untrusted. */
    public static TrustAnchors none() {
        return EMPTY;
    }

    /** The JDK's default trust store (cacerts, or what {@code javax.net.ssl.trustStore} names), read once. */
    public static TrustAnchors jdkDefaults() {
        return JdkDefaults.ANCHORS;
    }

    private static final class JdkDefaults {
        static final TrustAnchors ANCHORS = readJdkDefaults();
    }

    private static TrustAnchors readJdkDefaults() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            List<X509Certificate> certs = new ArrayList<>();
            for (var tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    certs.addAll(Arrays.asList(x509.getAcceptedIssuers()));
                }
            }
            return new TrustAnchors(certs);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK's trust store: " + e.getMessage(), e);
        }
    }

    /** Every certificate in the given PEM files (a file may hold several). */
    public static TrustAnchors fromPem(Path... files) throws IOException {
        List<X509Certificate> certs = new ArrayList<>();
        for (Path file : files) {
            certs.addAll(readPem(file));
        }
        return new TrustAnchors(certs);
    }

    /** These anchors plus {@code more}. */
    public TrustAnchors with(X509Certificate... more) {
        List<X509Certificate> all = new ArrayList<>(certificates);
        all.addAll(Arrays.asList(more));
        return new TrustAnchors(all);
    }

    /** These anchors plus every anchor of {@code other}. */
    public TrustAnchors with(TrustAnchors other) {
        List<X509Certificate> all = new ArrayList<>(certificates);
        all.addAll(other.certificates);
        return new TrustAnchors(all);
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    public boolean isEmpty() {
        return certificates.isEmpty();
    }

    boolean contains(X509Certificate cert) {
        return certificates.contains(cert);
    }

    Set<TrustAnchor> pkix() {
        return certificates.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
    }

    static List<X509Certificate> readPem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certs.isEmpty()) {
                throw new IOException(file + ": expected PEM certificates, got none");
            }
            return certs;
        } catch (CertificateException e) {
            throw new IOException(file + ": expected PEM certificates, got unreadable data (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String toString() {
        return certificates.size() + " trust anchors";
    }
}
