/**
 * Encrypted bundles for safe keeping: a whole bundle ZIP as CMS AuthEnvelopedData (RFC 5083) with AES-256-GCM
 * (RFC 5084), streamed, for certificates (RSA-OAEP key transport, ECDH key agreement) and passphrases (PWRI with
 * PBKDF2); {@code openssl cms -decrypt} opens it. A decrypted bundle is read through {@link DecryptedBundle}, whose
 * plaintext lies on disk only encrypted under a key that never leaves memory ({@link EphemeralFile}).
 */
package org.exhibit.integrity.crypt;
