package org.exhibit.integrity.crypt;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.PasswordRecipient;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JcePasswordAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JcePasswordRecipientInfoGenerator;
import org.bouncycastle.crypto.io.InvalidCipherTextIOException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

/**
 * Encrypts and decrypts a whole bundle as CMS AuthEnvelopedData (RFC 5083), content AES-256-GCM (RFC 5084),
 * streamed in both directions in bounded memory. Recipients: RSA certificates by RSAES-OAEP (SHA-256), EC
 * certificates by ephemeral-static ECDH (dhSinglePass-stdDH-sha256kdf, AES-256 key wrap), a passphrase by PWRI
 * (RFC 3211: PBKDF2-HMAC-SHA256, {@value #ITERATIONS} iterations, AES-256-CBC key wrap). OpenSSL 3 opens it:
 * {@code openssl cms -decrypt -binary -inform DER -in B.zip.p7m -recip me.pem -inkey me.key -out B.zip}
 * (or {@code -pwri_password PASS}).
 *
 * <p>GCM authenticates the content only at its end: {@link #decrypt} writes plaintext to its output before it
 * knows the tag holds, and throws at the end if it does not. A caller must keep what it wrote unreleased until
 * {@code decrypt} returns ({@link DecryptedBundle} writes into an {@link EphemeralFile}; a file output goes to
 * a temporary file that is renamed only afterwards).
 */
public final class BundleCipher {
    /** PBKDF2 iterations for a passphrase recipient (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
    public static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** DER of the OID 1.2.840.113549.1.9.16.1.23, id-ct-authEnvelopedData. */
    private static final byte[] AUTH_ENVELOPED_OID = {0x06, 0x0b, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x01, 0x17};
    private static final int BUFFER = 64 * 1024;

    private BundleCipher() {
    }

    /**
     * Bouncy Castle's provider, made on first use: registering its ~1,000 algorithms costs a fresh process a few
     * hundred ms, which {@link #looksEncrypted} (asked by every {@code exhibit verify}) must not pay.
     */
    private static final class Bc {
        static final Provider BC = new BouncyCastleProvider();
    }

    /** Reads {@code plain} to its end and writes it encrypted to {@code out} (not closed); returns the bytes read. */
    public static long encrypt(InputStream plain, OutputStream out, Recipients to) throws IOException {
        CMSAuthEnvelopedDataStreamGenerator gen = new CMSAuthEnvelopedDataStreamGenerator();
        try {
            for (X509Certificate cert : to.certificates()) {
                if (cert.getPublicKey() instanceof ECPublicKey ec) {
                    KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC", Bc.BC);
                    kpg.initialize(ec.getParams(), RANDOM);
                    KeyPair ephemeral = kpg.generateKeyPair();
                    gen.addRecipientInfoGenerator(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                            ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                            .addRecipient(cert).setProvider(Bc.BC));
                } else {
                    AlgorithmIdentifier oaep = new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(
                            PKCSObjectIdentifiers.id_RSAES_OAEP, new OAEPParameterSpec("SHA-256", "MGF1",
                                    MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
                    gen.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(cert, oaep).setProvider(Bc.BC));
                }
            }
            if (to.passphrase() != null) {
                byte[] salt = new byte[16];
                RANDOM.nextBytes(salt);
                JcePasswordRecipientInfoGenerator pwri = new JcePasswordRecipientInfoGenerator(CMSAlgorithm.AES256_CBC,
                        to.passphrase());
                pwri.setProvider(Bc.BC);
                pwri.setPasswordConversionScheme(PasswordRecipient.PKCS5_SCHEME2_UTF8)
                        .setPRF(PasswordRecipient.PRF.HMacSHA256).setSaltAndIterationCount(salt, ITERATIONS);
                gen.addRecipientInfoGenerator(pwri);
            }
            OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(
                    CMSAlgorithm.AES256_GCM).setProvider(Bc.BC).setSecureRandom(RANDOM).build();
            long n = 0;
            try (OutputStream enc = gen.open(new NonClosing(out), encryptor)) {
                byte[] buf = new byte[BUFFER];
                for (int r; (r = plain.read(buf)) >= 0; ) {
                    enc.write(buf, 0, r);
                    n += r;
                }
            }
            return n;
        } catch (GeneralSecurityException | CMSException e) {
            throw new IOException("cannot encrypt: " + e.getMessage(), e);
        }
    }

    /** Whether these first bytes of a file begin a CMS AuthEnvelopedData (an encrypted bundle) rather than a ZIP. */
    public static boolean looksEncrypted(byte[] head) {
        if (head.length < 2 || head[0] != 0x30) {
            return false;
        }
        outer:
        for (int i = 2; i + AUTH_ENVELOPED_OID.length <= Math.min(head.length, 24); i++) {
            for (int j = 0; j < AUTH_ENVELOPED_OID.length; j++) {
                if (head[i + j] != AUTH_ENVELOPED_OID[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Decrypts {@code in} (read to its end) into {@code plain} (not closed) and returns the plaintext length. When it
     * throws, whatever was written to {@code plain} must be discarded: it is not authenticated.
     *
     * @param name how messages name the file
     * @throws DecryptionException wrong key or passphrase, a damaged, tampered or truncated file, or not an
     *                             encrypted bundle; one line naming {@code name}
     * @throws IOException         writing {@code plain} failed
     */
    public static long decrypt(InputStream in, OutputStream plain, DecryptionKey key, String name) throws IOException {
        TailCount src = new TailCount(new java.io.BufferedInputStream(in, BUFFER));
        Envelope envelope = Envelope.parse(src, name);
        RecipientInformation ri = envelope.recipientFor(key, name);
        InputStream content;
        try {
            CMSTypedStream typed = ri.getContentStream(recipient(key));
            if (!typed.getContentType().equals(PKCSObjectIdentifiers.data)) {
                throw new DecryptionException(DecryptionException.Kind.DAMAGED, name + ": encrypted content of type "
                        + typed.getContentType() + ", expected data (a bundle ZIP); not an Exhibit bundle");
            }
            content = typed.getContentStream();
        } catch (CMSException | RuntimeException e) {
            throw new DecryptionException(DecryptionException.Kind.WRONG_KEY, name + ": " + describe(key)
                    + " cannot open it (" + (key.passphrase() != null ? "wrong passphrase" : "wrong key")
                    + ", or the recipient information is damaged)", e);
        }
        long n = 0;
        byte[] buf = new byte[BUFFER];
        while (true) {
            int r;
            try {
                r = content.read(buf);
                if (r < 0) {
                    content.close();
                }
            } catch (InvalidCipherTextIOException e) {
                throw damaged(name, "the authentication tag does not match: the file was changed or damaged", e);
            } catch (EOFException e) {
                throw damaged(name, "truncated after " + src.count() + " bytes", e);
            } catch (IOException | RuntimeException e) {
                throw damaged(name, "damaged at byte " + src.count() + " (" + e.getMessage() + ")", e);
            }
            if (r < 0) {
                break;
            }
            plain.write(buf, 0, r);
            n += r;
        }
        envelope.checkEnd(src, name);
        return n;
    }

    static DecryptionException damaged(String name, String what, Throwable cause) {
        return new DecryptionException(DecryptionException.Kind.DAMAGED, name + ": " + what
                + "; nothing was decrypted", cause);
    }

    private static String describe(DecryptionKey key) {
        return key.describe();
    }

    private static Recipient recipient(DecryptionKey key) {
        if (key.passphrase() != null) {
            JcePasswordAuthEnvelopedRecipient r = new JcePasswordAuthEnvelopedRecipient(key.passphrase());
            r.setProvider(Bc.BC);
            return r;
        }
        if (key.privateKey().getAlgorithm().startsWith("EC")) {
            return new JceKeyAgreeAuthEnvelopedRecipient(key.privateKey()).setProvider(Bc.BC);
        }
        return new JceKeyTransAuthEnvelopedRecipient(key.privateKey()).setProvider(Bc.BC);
    }

    /** The content cipher every encrypted bundle must use. */
    static ASN1ObjectIdentifier contentCipher() {
        return CMSAlgorithm.AES256_GCM;
    }

    /** Counts the bytes read, so that what follows the CMS structure can be checked. */
    static final class TailCount extends java.io.FilterInputStream {
        private long count;
        private long marked;

        TailCount(InputStream in) {
            super(in);
        }

        @Override
        public synchronized void mark(int limit) {
            super.mark(limit);
            marked = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            count = marked;
        }

        long count() {
            return count;
        }

        /** The last bytes read, a ring. */
        private final byte[] ring = new byte[64];

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                ring[(int) (count++ % ring.length)] = (byte) b;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = Math.max(0, n - ring.length); i < n; i++) {
                ring[(int) ((count + i) % ring.length)] = b[off + i];
            }
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] skipped = readNBytes((int) Math.min(n, Integer.MAX_VALUE));
            return skipped.length;
        }

        /** The last bytes read, in order (up to 64). */
        byte[] tail() {
            int n = (int) Math.min(count, ring.length);
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = ring[(int) ((count - n + i) % ring.length)];
            }
            return out;
        }
    }

    /** Lets the CMS generator close its streams without closing the caller's. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
