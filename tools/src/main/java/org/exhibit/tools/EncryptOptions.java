package org.exhibit.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.exhibit.integrity.crypt.Recipients;
import picocli.CommandLine.Option;

/** {@code --encrypt-to CERT.pem} (repeatable) and {@code --passphrase}, for the commands that write an encrypted bundle. */
public final class EncryptOptions {
    @Option(names = "--encrypt-to", paramLabel = "CERT.pem",
            description = "Encrypt the bundle to this certificate's holder (repeatable: yourself, e.g. "
                    + "$EXHIBIT_HOME/identity.pem, the attorney, the victim); RSA or EC. The bundle is written only as "
                    + "BUNDLE.zip.p7m (CMS AuthEnvelopedData, AES-256-GCM), never as a plain ZIP.")
    List<Path> certificates = new ArrayList<>();

    @Option(names = "--passphrase",
            description = "Also let a passphrase open the encrypted bundle: $" + BundlePassphrase.ENV + ", else asked "
                    + "twice on the console (at least 12 characters).")
    boolean passphrase;

    /** Whether encryption was asked for. */
    boolean requested() {
        return passphrase || !certificates.isEmpty();
    }

    /** Who can open it, or null when no encryption was asked for. */
    Recipients recipients(Environment env) {
        if (!requested()) {
            return null;
        }
        List<X509Certificate> certs;
        try {
            certs = Recipients.readCertificates(certificates);
        } catch (IOException e) {
            throw new UsageException("--encrypt-to: " + e.getMessage(), e);
        }
        char[] pass = passphrase ? env.bundlePassphrase("the encrypted bundle", true) : null;
        return new Recipients(certs, pass);
    }
}
