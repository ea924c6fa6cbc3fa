package org.exhibit.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.exhibit.integrity.crypt.DecryptedBundle;
import org.exhibit.integrity.crypt.DecryptionException;
import org.exhibit.integrity.crypt.DecryptionKey;
import org.exhibit.integrity.crypt.Envelope;
import org.exhibit.integrity.identity.Identity;
import org.exhibit.integrity.identity.IdentityException;
import org.exhibit.integrity.identity.PublicIdentity;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --key FILE.p12} and {@code --passphrase}, for the commands that read an encrypted bundle. Without either,
 * the investigator's own identity in $EXHIBIT_HOME opens it when it is one of the recipients, else the bundle
 * passphrase is asked for when a passphrase opens it.
 */
public final class DecryptOptions {
    @Option(names = "--key", paramLabel = "FILE.p12",
            description = "For an encrypted bundle (.p7m): open it with this PKCS#12 key (its password: $"
                    + Passphrase.ENV + " or asked). Default: your identity in $EXHIBIT_HOME, when the bundle is "
                    + "encrypted to it, else the bundle passphrase.")
    Path key;

    @Option(names = "--passphrase",
            description = "For an encrypted bundle (.p7m): open it with its passphrase ($" + BundlePassphrase.ENV
                    + ", else asked).")
    boolean passphrase;

    /** Whether {@code file} is an encrypted bundle. */
    static boolean encrypted(Path file) {
        try {
            return Envelope.isEncrypted(file);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts {@code file} into a scratch file that holds no plaintext on disk; fails with exit code 3 or 4 and a
     * one-line message when it cannot.
     */
    DecryptedBundle open(Path file, Environment env) {
        DecryptionKey k = key(file, env);
        try {
            return DecryptedBundle.open(file, k);
        } catch (DecryptionException e) {
            throw new Failure(e);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot decrypt: " + e.getMessage(), e);
        } finally {
            if (k.passphrase() != null) {
                Arrays.fill(k.passphrase(), '\0');
            }
        }
    }

    /** The key or passphrase that opens {@code file}, as asked or found. */
    DecryptionKey key(Path file, Environment env) {
        if (key != null && passphrase) {
            throw new UsageException("--key and --passphrase: expected one of them, got both");
        }
        if (passphrase) {
            return DecryptionKey.ofPassphrase(env.bundlePassphrase(String.valueOf(file.getFileName()), false));
        }
        if (key != null) {
            char[] pass = env.passphrase("the key in " + key, false);
            try {
                return DecryptionKey.fromPkcs12(key, pass);
            } catch (IOException e) {
                throw new UsageException("--key: " + e.getMessage(), e);
            } finally {
                Arrays.fill(pass, '\0');
            }
        }
        Envelope envelope;
        try {
            envelope = Envelope.read(file);
        } catch (DecryptionException e) {
            throw new Failure(e);
        } catch (IOException e) {
            throw new UsageException(e.getMessage(), e);
        }
        PublicIdentity me = null;
        try {
            me = Investigator.store(env).exists() ? Investigator.store(env).publicInfo() : null;
        } catch (IdentityException e) {
            // no usable identity: the passphrase, or the message below
        }
        if (me != null && envelope.encryptedTo(me.certificate())) {
            Identity id = Investigator.unlock(env);
            return DecryptionKey.of(id.privateKey(), id.certificate());
        }
        if (envelope.passphrase()) {
            return DecryptionKey.ofPassphrase(env.bundlePassphrase(String.valueOf(file.getFileName()), false));
        }
        throw new Failure(new DecryptionException(DecryptionException.Kind.WRONG_KEY, file.getFileName()
                + ": not encrypted to your identity" + (me == null ? " (none in " + env.home() + ")" : "")
                + "; it opens with " + String.join(", ", envelope.describe()) + ": pass --key FILE.p12"));
    }

    /** A bundle that would not decrypt: exit code 3 (wrong key or passphrase) or 4 (damaged). */
    static final class Failure extends RuntimeException implements CommandLine.IExitCodeGenerator {
        private final DecryptionException.Kind kind;

        Failure(DecryptionException e) {
            super(e.getMessage(), e);
            this.kind = e.kind();
        }

        @Override
        public int getExitCode() {
            return kind == DecryptionException.Kind.WRONG_KEY ? ExitCode.WRONG_KEY : ExitCode.DAMAGED;
        }
    }
}
