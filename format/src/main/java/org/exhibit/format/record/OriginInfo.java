package org.exhibit.format.record;

import java.util.List;

/**
 * What the proxy learnt about one origin the first time it connected there.
 *
 * @param origin      {@code scheme://host:port}, port always present
 * @param ip          the address connected to
 * @param tlsProtocol negotiated protocol (e.g. {@code TLSv1.3}), null for plain HTTP
 * @param cipherSuite negotiated cipher suite, null for plain HTTP
 * @param chain       the certificate chain exactly as the server presented it, leaf first (empty for HTTP)
 * @param warnings    why the chain would not be trusted by a normal client (expired, self-signed,
 *                    wrong name, unknown issuer); empty when it validates
 */
public record OriginInfo(String origin, String ip, String tlsProtocol, String cipherSuite,
                         List<CertificateSummary> chain, List<String> warnings) {
    public OriginInfo {
        chain = List.copyOf(chain);
        warnings = List.copyOf(warnings);
    }
}
