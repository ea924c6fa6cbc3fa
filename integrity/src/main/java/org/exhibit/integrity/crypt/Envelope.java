package org.exhibit.integrity.crypt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.KeyAgreeRecipientId;
import org.bouncycastle.cms.KeyTransRecipientId;
import org.bouncycastle.cms.PasswordRecipientInformation;
import org.bouncycastle.cms.RecipientId;
import org.bouncycastle.cms.RecipientInformation;

/**
 * The outside of an encrypted bundle: who it is encrypted to, read without any key. {@link #read} says it for a
 * file; {@link BundleCipher#decrypt} uses it to pick the recipient info that a key opens.
 */
public final class Envelope {
    private final CMSAuthEnvelopedDataParser parser;
    private final List<RecipientInformation> recipients;

    private Envelope(CMSAuthEnvelopedDataParser parser, List<RecipientInformation> recipients) {
        this.parser = parser;
        this.recipients = recipients;
    }

    /** Whether the file begins as an encrypted bundle (CMS AuthEnvelopedData), not as a ZIP. */
    public static boolean isEncrypted(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return BundleCipher.looksEncrypted(in.readNBytes(32));
        }
    }

    /** Who an encrypted file is for, read from its header. */
    public static Envelope read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return parse(in, String.valueOf(file.getFileName()));
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
    }

    static Envelope parse(InputStream in, String name) throws DecryptionException {
        CMSAuthEnvelopedDataParser parser;
        try {
            in.mark(64);
            byte[] head = in.readNBytes(32);
            in.reset();
            if (!BundleCipher.looksEncrypted(head)) {
                throw new DecryptionException(DecryptionException.Kind.NOT_ENCRYPTED, name + ": not an encrypted "
                        + "bundle (expected CMS AuthEnvelopedData" + (head.length >= 2 && head[0] == 'P'
                        && head[1] == 'K' ? ", got a plain ZIP)" : ")"));
            }
            parser = new CMSAuthEnvelopedDataParser(in);
            ASN1ObjectIdentifier cipher = parser.getEncryptionAlgOID().getAlgorithm();
            if (!cipher.equals(BundleCipher.contentCipher())) {
                throw new DecryptionException(DecryptionException.Kind.NOT_ENCRYPTED, name + ": content cipher "
                        + cipher + ", expected AES-256-GCM (" + BundleCipher.contentCipher()
                        + ")");
            }
            List<RecipientInformation> all = new ArrayList<>(parser.getRecipientInfos().getRecipients());
            if (all.isEmpty()) {
                throw BundleCipher.damaged(name, "no recipient information", null);
            }
            return new Envelope(parser, all);
        } catch (DecryptionException e) {
            throw e;
        } catch (Exception e) {
            throw BundleCipher.damaged(name, "damaged header (" + e.getMessage() + ")", e);
        }
    }

    /** Whether a passphrase opens it. */
    public boolean passphrase() {
        return recipients.stream().anyMatch(r -> r instanceof PasswordRecipientInformation);
    }

    /** Whether it is encrypted to this certificate's key. */
    public boolean encryptedTo(X509Certificate cert) {
        return find(cert) != null;
    }

    /** Each recipient, for people: "passphrase", "certificate serial 1a2b issued by CN=...". */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (RecipientInformation r : recipients) {
            RecipientId id = r.getRID();
            if (r instanceof PasswordRecipientInformation) {
                out.add("a passphrase");
            } else if (id instanceof KeyTransRecipientId k && k.getIssuer() != null) {
                out.add("the RSA certificate " + k.getSerialNumber().toString(16) + " of " + k.getIssuer());
            } else if (id instanceof KeyAgreeRecipientId k && k.getIssuer() != null) {
                out.add("the EC certificate " + k.getSerialNumber().toString(16) + " of " + k.getIssuer());
            } else {
                out.add("a key by subject key identifier");
            }
        }
        return out;
    }

    RecipientInformation recipientFor(DecryptionKey key, String name) throws DecryptionException {
        RecipientInformation r = key.passphrase() != null
                ? recipients.stream().filter(x -> x instanceof PasswordRecipientInformation).findFirst().orElse(null)
                : find(key.certificate());
        if (r == null) {
            throw new DecryptionException(DecryptionException.Kind.WRONG_KEY, name + ": not encrypted to "
                    + key.describe() + "; it opens with " + String.join(", ", describe()));
        }
        // CMS authenticates the content, not the recipient infos: the algorithms of the one used are checked here,
        // so that a changed identifier that a parser would pass over is refused rather than ignored
        ASN1ObjectIdentifier keyEnc = r.getKeyEncryptionAlgorithm().getAlgorithm();
        boolean known;
        if (r instanceof PasswordRecipientInformation p) {
            known = keyEnc.equals(PKCSObjectIdentifiers.id_alg_PWRI_KEK) && p.getKeyDerivationAlgorithm() != null
                    && p.getKeyDerivationAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.id_PBKDF2);
        } else if (r.getRID() instanceof KeyTransRecipientId) {
            known = keyEnc.equals(PKCSObjectIdentifiers.id_RSAES_OAEP) || keyEnc.equals(PKCSObjectIdentifiers.rsaEncryption);
        } else {
            known = keyEnc.getId().startsWith("1.3.132.1.") || keyEnc.getId().startsWith("1.3.133.16.840.63.0.");
        }
        if (!known) {
            throw BundleCipher.damaged(name, "unexpected key algorithm " + keyEnc + " in the recipient information "
                    + "(damaged, or not written by Exhibit or OpenSSL)", null);
        }
        return r;
    }

    private RecipientInformation find(X509Certificate cert) {
        JcaX509CertificateHolder holder;
        try {
            holder = new JcaX509CertificateHolder(cert);
        } catch (CertificateEncodingException e) {
            return null;
        }
        for (RecipientInformation r : recipients) {
            if (!(r instanceof PasswordRecipientInformation) && r.getRID().match(holder)) {
                return r;
            }
        }
        return null;
    }

    /**
     * After the content: the MAC (the GCM tag, as read), then only the end-of-contents octets of an
     * indefinite-length encoding (all zero, at most eight) and no unauthenticated attributes: a changed or appended
     * byte there is refused too, although GCM does not cover it. Bouncy Castle's parser does not check those
     * octets, so the bytes read after the MAC are checked here.
     */
    void checkEnd(BundleCipher.TailCount src, String name) throws DecryptionException {
        try {
            if (parser.getUnauthAttrs() != null) {
                throw BundleCipher.damaged(name, "unauthenticated attributes after the content (not written by "
                        + "Exhibit)", null);
            }
            byte[] mac = parser.getMac();
            byte[] rest = src.readNBytes(9);
            byte[] tail = src.tail();
            int at = lastIndexOf(tail, mac);
            if (mac == null || mac.length < 12 || at < 0) {
                throw BundleCipher.damaged(name, "no authentication tag at the end", null);
            }
            byte[] after = java.util.Arrays.copyOfRange(tail, at + mac.length, tail.length);
            boolean zeros = (after.length + rest.length) % 2 == 0 && after.length + rest.length <= 8;
            for (byte b : after) {
                zeros &= b == 0;
            }
            for (byte b : rest) {
                zeros &= b == 0;
            }
            if (!zeros) {
                throw BundleCipher.damaged(name, "unexpected bytes after the authentication tag, near byte "
                        + (src.count() - rest.length - after.length), null);
            }
        } catch (DecryptionException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw BundleCipher.damaged(name, "damaged end (" + e.getMessage() + ")", e);
        }
    }

    private static int lastIndexOf(byte[] hay, byte[] needle) {
        if (needle == null) {
            return -1;
        }
        for (int i = hay.length - needle.length; i >= 0; i--) {
            if (java.util.Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
