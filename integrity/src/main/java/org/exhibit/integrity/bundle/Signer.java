package org.exhibit.integrity.bundle;

/**
 * Who sealed a bundle, as its valid signature says.
 *
 * @param name        the certificate subject's common name, as the signer wrote it (anyone can choose any name)
 * @param fingerprint SHA-256 of the signer's certificate, lower-case hex: what identifies the signer
 * @param trusted     the certificate is one the user named with {@code --trust} (or chains to one)
 */
public record Signer(String name, String fingerprint, boolean trusted) {
    /** "Dana Reyes (certificate SHA-256 ab12…)" */
    public String describe() {
        return name + " (certificate SHA-256 " + fingerprint + ")";
    }
}
