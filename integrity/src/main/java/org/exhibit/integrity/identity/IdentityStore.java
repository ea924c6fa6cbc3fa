package org.exhibit.integrity.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The investigator's identity kept in a directory ({@code $EXHIBIT_HOME}, by default {@code ~/.exhibit}):
 * {@code identity.p12} (key and chain, passphrase-protected, mode 0600) and {@code identity.pem} (the
 * public chain, so the name and fingerprint can be shown without the passphrase).
 *
 * <pre>{@code
 * IdentityStore store = new IdentityStore(Path.of(System.getProperty("user.home"), ".exhibit"));
 * Identity me = store.create("Dana Reyes", "Reyes Law", "dana@reyes.example", passphrase, false);
 * store.publicInfo().fingerprint();   // no passphrase needed
 * }</pre>
 */
public final class IdentityStore {
    public static final String P12 = "identity.p12";
    public static final String PEM = "identity.pem";
    private static final String ALIAS = "identity";

    private final Path home;

    public IdentityStore(Path home) {
        this.home = home;
    }

    public Path home() {
        return home;
    }

    public Path p12() {
        return home.resolve(P12);
    }

    public Path pem() {
        return home.resolve(PEM);
    }

    public boolean exists() {
        return Files.exists(p12());
    }

    /** Makes an ECDSA P-256 key and a self-signed certificate; refuses to replace an existing identity. */
    public Identity create(String name, String org, String email, char[] passphrase) throws IdentityException {
        return create(name, org, email, passphrase, false);
    }

    /** Makes an ECDSA P-256 key and a self-signed certificate; refuses to replace an identity unless {@code force}. */
    public Identity create(String name, String org, String email, char[] passphrase, boolean force)
            throws IdentityException {
        if (name == null || name.isBlank()) {
            throw new IdentityException("expected a name for the certificate, got none: pass --name NAME");
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IdentityException("expected an e-mail address like name@example.org, got " + email);
        }
        checkPassphrase(passphrase);
        refuseOverwrite(force);
        Identity id = SelfSignedCertificate.create(name.strip(), blankToNull(org), blankToNull(email), Instant.now());
        save(id, passphrase, force);
        return id;
    }

    /** Takes over a key and certificate an organisation issued; refuses to replace an existing identity. */
    public Identity importP12(Path source, char[] passphrase) throws IdentityException {
        return importP12(source, passphrase, false);
    }

    /** Takes over a key and certificate an organisation issued, re-stored under {@code passphrase}. */
    public Identity importP12(Path source, char[] passphrase, boolean force) throws IdentityException {
        checkPassphrase(passphrase);
        refuseOverwrite(force);
        KeyStore ks = read(source, passphrase);
        Identity id = Pkcs12Import.identity(ks, source, passphrase);
        save(id, passphrase, force);
        return id;
    }

    /** Opens the identity with its passphrase. */
    public Identity load(char[] passphrase) throws IdentityException {
        requireExisting();
        KeyStore ks = read(p12(), passphrase);
        try {
            PrivateKey key = (PrivateKey) ks.getKey(ALIAS, passphrase);
            Certificate[] chain = ks.getCertificateChain(ALIAS);
            if (key == null || chain == null) {
                throw new IdentityException("expected a key entry '" + ALIAS + "' in " + p12() + ", got none");
            }
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : chain) {
                certs.add((X509Certificate) c);
            }
            return Identity.of(key, certs);
        } catch (UnrecoverableKeyException e) {
            throw new IdentityException("wrong passphrase for " + p12(), e);
        } catch (GeneralSecurityException e) {
            throw new IdentityException("cannot read the key in " + p12() + ": " + e.getMessage(), e);
        }
    }

    /** The name and certificate chain from {@code identity.pem}; no passphrase needed. */
    public PublicIdentity publicInfo() throws IdentityException {
        requireExisting();
        try (InputStream in = Files.newInputStream(pem())) {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw new IdentityException("expected certificates in " + pem() + ", got none");
            }
            return PublicIdentity.of(chain);
        } catch (NoSuchFileException e) {
            throw new IdentityException("missing " + pem() + " beside " + P12 + ": run `exhibit identity show` "
                    + "after restoring it, or create the identity again");
        } catch (IOException | GeneralSecurityException e) {
            throw new IdentityException("cannot read " + pem() + ": " + e.getMessage(), e);
        }
    }

    static KeyStore read(Path file, char[] passphrase) throws IdentityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, passphrase);
            return ks;
        } catch (NoSuchFileException e) {
            throw new IdentityException("no such file: " + file);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new IdentityException("wrong passphrase for " + file, e);
            }
            throw new IdentityException("cannot read " + file + " as PKCS#12: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IdentityException("cannot read " + file + " as PKCS#12: " + e.getMessage(), e);
        }
    }

    private void requireExisting() throws IdentityException {
        if (!exists()) {
            throw new IdentityException("no identity in " + home + ": run `exhibit identity create --name NAME`");
        }
    }

    /** Fails when an identity exists and {@code force} is not set; lets a CLI refuse before asking for a passphrase. */
    public void refuseOverwrite(boolean force) throws IdentityException {
        if (exists() && !force) {
            String who = "";
            try {
                PublicIdentity old = publicInfo();
                who = " (" + old.name() + ", " + old.fingerprint() + ")";
            } catch (IdentityException ignored) {
                // the refusal below is what matters
            }
            throw new IdentityException("an identity already exists in " + home + who
                    + ": pass --force to replace it (the old files are kept as backups)");
        }
    }

    private void save(Identity id, char[] passphrase, boolean force) throws IdentityException {
        try {
            createPrivateDirectory(home);
            if (force && exists()) {
                String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC)
                        .format(Instant.now());
                Files.move(p12(), home.resolve("identity-" + stamp + ".p12.bak"));
                if (Files.exists(pem())) {
                    Files.move(pem(), home.resolve("identity-" + stamp + ".pem.bak"));
                }
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, id.privateKey(), passphrase, id.chain().toArray(new Certificate[0]));
            Path tmp = privateTempFile(home, P12);
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    ks.store(out, passphrase);
                }
                Files.move(tmp, p12(), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            Path pemTmp = Files.createTempFile(home, "." + PEM, ".tmp");
            Files.writeString(pemTmp, id.publicInfo().chainPem(), StandardCharsets.US_ASCII);
            Files.move(pemTmp, pem(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IdentityException("an identity appeared in " + home + " while creating this one: nothing replaced", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new IdentityException("cannot write the identity to " + home + ": " + e.getMessage(), e);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    private static Path privateTempFile(Path dir, String name) throws IOException {
        try {
            return Files.createTempFile(dir, "." + name, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(dir, "." + name, ".tmp");
        }
    }

    static void checkPassphrase(char[] passphrase) throws IdentityException {
        if (passphrase == null || passphrase.length == 0) {
            throw new IdentityException("expected a passphrase, got an empty one: set EXHIBIT_PASSPHRASE or type one");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
