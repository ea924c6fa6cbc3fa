package org.exhibit.capture.proxy;

import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The validation a normal browser would do (PKIX to the JVM's trust anchors, validity dates, host name),
 * run beside the capture: it only produces warnings, because a site with a bad certificate is still evidence.
 */
final class ChainCheck {
    private final X509TrustManager pkix;

    ChainCheck() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            X509TrustManager found = null;
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    found = x;
                }
            }
            pkix = found;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JVM's trust anchors: " + e.getMessage(), e);
        }
    }

    List<String> warnings(X509Certificate[] chain, String host) {
        List<String> out = new ArrayList<>();
        if (chain.length == 0) {
            out.add("the server presented no certificate");
            return out;
        }
        Date now = new Date();
        for (X509Certificate c : chain) {
            try {
                c.checkValidity(now);
            } catch (CertificateExpiredException e) {
                out.add("certificate expired on " + c.getNotAfter().toInstant() + ": " + c.getSubjectX500Principal().getName());
            } catch (CertificateNotYetValidException e) {
                out.add("certificate not valid before " + c.getNotBefore().toInstant() + ": " + c.getSubjectX500Principal().getName());
            }
        }
        X509Certificate leaf = chain[0];
        if (chain.length == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
            out.add("self-signed certificate: " + leaf.getSubjectX500Principal().getName());
        }
        if (!matchesHost(leaf, host)) {
            out.add("certificate does not name " + host + ": it names " + names(leaf));
        }
        if (out.isEmpty() && pkix != null) {
            try {
                pkix.checkServerTrusted(chain, "UNKNOWN");
            } catch (java.security.cert.CertificateException e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                out.add("certificate not trusted by the JVM's trust anchors: " + root.getMessage());
            }
        }
        return out;
    }

    static boolean matchesHost(X509Certificate leaf, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        boolean ip = InterceptionCa.isIpLiteral(h);
        for (List<?> san : sans(leaf)) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
            if (ip && type == 7 && sameAddress(value, h)) {
                return true;
            }
            if (!ip && type == 2 && dnsMatches(value, h)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    private static Collection<List<?>> sans(X509Certificate c) {
        try {
            Collection<List<?>> s = c.getSubjectAlternativeNames();
            return s == null ? List.of() : s;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static String names(X509Certificate c) {
        List<String> names = new ArrayList<>();
        for (List<?> san : sans(c)) {
            names.add(String.valueOf(san.get(1)));
        }
        return names.isEmpty() ? "no subject alternative name (subject " + c.getSubjectX500Principal().getName() + ")"
                : String.join(", ", names);
    }
}
