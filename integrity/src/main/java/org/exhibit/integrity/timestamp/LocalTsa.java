package org.exhibit.integrity.timestamp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.exhibit.integrity.files.FileTree;

/**
 * Exhibit's own time-stamping key: a self-signed root and a TSA certificate it issued (critical
 * id-kp-timeStamping), kept in a directory (normally {@code $EXHIBIT_HOME/tsa/}) and created there on first use.
 *
 * <pre>
 * tsa.p12        the TSA key and chain, PKCS#12, protected with the password in tsa.secret (both 0600)
 * tsa.secret     a generated password
 * tsa-chain.pem  TSA certificate then root (what openssl ts -verify takes as -untrusted)
 * root.pem       the root alone (-CAfile; --trust for exhibit verify)
 * </pre>
 *
 * The root's private key is used once, to issue the TSA certificate, and never stored: nothing else can be issued
 * under this root.
 */
public final class LocalTsa {
    static final String KEYSTORE = "tsa.p12";
    static final String SECRET = "tsa.secret";
    static final String CHAIN = "tsa-chain.pem";
    static final String ROOT = "root.pem";
    private static final String ALIAS = "tsa";

    private final Path directory;
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private LocalTsa(Path directory, PrivateKey key, List<X509Certificate> chain) {
        this.directory = directory;
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /** Loads the TSA kept in {@code directory}, creating it first when the directory holds none. */
    public static LocalTsa open(Path directory) throws IOException {
        return open(directory, null);
    }

    /**
     * As {@link #open(Path)}, a new TSA's certificate valid for {@code validity} from now (null: ten years): a
     * short-lived TSA shows what expiry does to the evidence and what renewing an evidence record saves.
     */
    public static LocalTsa open(Path directory, Duration validity) throws IOException {
        if (!Files.exists(directory.resolve(KEYSTORE))) {
            create(directory, validity);
        }
        return load(directory);
    }

    private static LocalTsa load(Path directory) throws IOException {
        Path p12 = directory.resolve(KEYSTORE);
        char[] password = Files.readString(directory.resolve(SECRET), StandardCharsets.US_ASCII).trim().toCharArray();
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            PrivateKey key = (PrivateKey) store.getKey(ALIAS, password);
            Certificate[] chain = store.getCertificateChain(ALIAS);
            if (key == null || chain == null || chain.length != 2) {
                throw new IOException(p12 + ": expected a key and a two-certificate chain under alias '" + ALIAS
                        + "', got " + (chain == null ? "none" : chain.length + " certificates"));
            }
            return new LocalTsa(directory, key,
                    Arrays.stream(chain).map(X509Certificate.class::cast).toList());
        } catch (GeneralSecurityException e) {
            throw new IOException(p12 + ": cannot open the local TSA key store: " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Writes a fresh TSA into a sibling folder, then renames it into place so concurrent first uses agree. */
    private static void create(Path directory, Duration validity) throws IOException {
        Path parent = directory.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, ".tsa-");
        try {
            byte[] raw = new byte[24];
            new SecureRandom().nextBytes(raw);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(raw).toCharArray();
            writePrivate(tmp.resolve(SECRET), new String(password).getBytes(StandardCharsets.US_ASCII));
            TsaCertificates.Issued issued = validity == null ? TsaCertificates.issue()
                    : TsaCertificates.issue(validity);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, issued.key(), password,
                    new Certificate[] {issued.certificate(), issued.root()});
            try (OutputStream out = Files.newOutputStream(writePrivate(tmp.resolve(KEYSTORE), new byte[0]))) {
                store.store(out, password);
            }
            Files.writeString(tmp.resolve(CHAIN), TsaCertificates.pem(issued.certificate(), issued.root()));
            Files.writeString(tmp.resolve(ROOT), TsaCertificates.pem(issued.root()));
            if (Files.isDirectory(directory)) {
                try {
                    Files.delete(directory);   // only an empty folder can be replaced
                } catch (NoSuchFileException e) {
                    // another process is replacing it too
                } catch (DirectoryNotEmptyException e) {
                    if (Files.exists(directory.resolve(KEYSTORE))) {
                        return;   // another process created it first: use theirs
                    }
                    throw new IOException(directory + ": expected an empty folder or a local TSA ("
                            + KEYSTORE + "), got other files");
                }
            }
            try {
                Files.move(tmp, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                if (!Files.exists(directory.resolve(KEYSTORE))) {
                    throw e;
                }
                // another process created it first: use theirs
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create the local TSA in " + directory + ": " + e.getMessage(), e);
        } finally {
            FileTree.delete(tmp);
        }
    }

    private static Path writePrivate(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
        }
        return file;
    }

    /** The self-signed root: what {@code --trust} and {@code openssl ts -verify -CAfile} take. */
    public X509Certificate root() {
        return chain.get(1);
    }

    /** The TSA signing certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** TSA certificate then root. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public Path directory() {
        return directory;
    }

    /** {@code tsa-chain.pem}: TSA certificate then root. */
    public Path chainPem() {
        return directory.resolve(CHAIN);
    }

    /** {@code root.pem}: the root alone. */
    public Path rootPem() {
        return directory.resolve(ROOT);
    }

    PrivateKey key() {
        return key;
    }
}
